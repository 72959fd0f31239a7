package org.teracon.workbench.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.ExperimentRunner;
import org.teracon.workbench.experiment.Json;
import org.teracon.workbench.experiment.RunLock;
import org.teracon.workbench.experiment.SinMoReference;
import org.teracon.workbench.model.GemmLanes;

/**
 * One task attempt on an executor: the run trains into a private temporary folder of this attempt
 * (never the final one, which only the driver writes), and the folder comes back as bytes. Two attempts
 * of one run (a retry after a lost executor, a speculative copy) therefore never share a folder.
 */
final class Attempt {
    static {
        // the same threading as the CLI's own JVM (Main): GemmLanes' BLAS threads, OpenMP from the environment
        GemmLanes.configureBlas();
    }

    private Attempt() {
    }

    static TaskOutput run(TaskInput in, ShippedDataset shipped, long broadcastId, TaskContext ctx) {
        long start = System.nanoTime();
        TaskOutput.Where where = new TaskOutput.Where(SparkEnv.get().executorId(), host(), ProcessHandle.current().pid(), ctx.attemptNumber());
        Path tmp = null;
        CancellationToken cancel = new CancellationToken();
        Thread watch = killWatch(ctx, cancel);
        try {
            tmp = Files.createTempDirectory("teracon-" + BatchRunner.safe(in.label()) + "-attempt" + ctx.attemptNumber() + "-");
            Path runDir = tmp.resolve("run");
            Path reference = tmp.resolve("reference");
            FolderBytes.writePlain(reference, in.referenceFiles());
            ExperimentConfig config = Json.parse(in.configJson(), ExperimentConfig.class);
            // the config keeps the driver's dataset path (experiment.json says what the user gave); the data is the shipped copy
            Dataset dataset = DatasetLoader.load(shipped.unpacked(broadcastId));
            new ExperimentRunner(in.withReference() ? new SinMoReference(reference) : null).run(config, dataset, runDir, e -> { }, cancel);
            if (ctx.isInterrupted()) throw new IllegalStateException("task killed by Spark");
            TreeMap<String, byte[]> runFiles = FolderBytes.read(runDir, rel -> !rel.equals(RunLock.FILE));
            TreeMap<String, byte[]> newReference = FolderBytes.read(reference, rel -> !rel.endsWith(RunLock.FILE) && !in.referenceFiles().containsKey(rel));
            return new TaskOutput(in.index(), in.label(), runFiles, newReference, where, seconds(start), null);
        } catch (IOException e) {
            throw new UncheckedIOException("attempt folder on " + where.line() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // a lost task is Spark's to retry; an error of the run itself would fail every attempt the same way
            if (ctx.isInterrupted()) throw e;
            return new TaskOutput(in.index(), in.label(), new TreeMap<>(), new TreeMap<>(), where, seconds(start),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            watch.interrupt();
            if (tmp != null) FolderBytes.deleteTree(tmp);
        }
    }

    /** Turns Spark's kill of the task (a cancelled grid) into the run's own cancel at the next batch. */
    private static Thread killWatch(TaskContext ctx, CancellationToken cancel) {
        Thread t = new Thread(() -> {
            try {
                while (!ctx.isInterrupted() && !ctx.isCompleted()) Thread.sleep(250);
                if (ctx.isInterrupted()) cancel.cancel();
            } catch (InterruptedException done) {
                // the attempt ended
            }
        }, "teracon-kill-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "?";
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
