package org.teracon.workbench.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.teracon.workbench.experiment.AtomicFiles;
import org.teracon.workbench.experiment.Checkpoints;
import org.teracon.workbench.experiment.GridRun;
import org.teracon.workbench.experiment.Json;
import org.teracon.workbench.experiment.OutputGuard;
import org.teracon.workbench.experiment.RunFolder;
import org.teracon.workbench.experiment.RunLock;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The driver's side of a task result: the run folder's bytes are written into the final folder under
 * its run lock, each file atomically and results.json last (so a folder either holds the previous run
 * or this one, and results.json COMPLETED means every file is in place); new SinMo references go into
 * the grid's reference cache. Spark hands each partition's result over once, so one attempt publishes.
 */
final class Publisher {
    /** The grid's record of where each run ran (beside the run folders; the folders stay as the local path writes them). */
    static final String REPORT = "spark-grid.json";

    private final List<GridRun> runs;
    private final GridProgress progress;
    private final Path root;
    private final RunResult[] results;
    private final TaskOutput.Where[] where;
    private final double[] seconds;
    private volatile String jobFailure;

    Publisher(List<GridRun> runs, GridProgress progress, Path root) {
        this.runs = runs;
        this.progress = progress;
        this.root = root;
        this.results = new RunResult[runs.size()];
        this.where = new TaskOutput.Where[runs.size()];
        this.seconds = new double[runs.size()];
    }

    /** Spark's result handler (called on the driver as each task succeeds). */
    AbstractFunction2<Object, TaskOutput, BoxedUnit> handler() {
        return new AbstractFunction2<>() {
            @Override
            public BoxedUnit apply(Object partition, TaskOutput out) {
                publish(out);
                return BoxedUnit.UNIT;
            }
        };
    }

    void publish(TaskOutput out) {
        GridRun run = runs.get(out.index());
        RunResult r;
        try {
            if (out.error() != null) {
                r = run.unfinished(RunStatus.FAILED, out.error() + " (on " + out.where().line() + ")");
            } else {
                if (run.referenceCache() != null) publishReferences(run.referenceCache(), out.referenceFiles());
                r = publishRun(run, out.runFiles());
            }
        } catch (RuntimeException e) {
            r = run.unfinished(RunStatus.FAILED, "cannot publish the run: " + SparkGrid.firstLine(e));
        }
        synchronized (this) {
            results[out.index()] = r;
            where[out.index()] = out.where();
            seconds[out.index()] = out.seconds();
        }
        progress.finished(out.index(), r, out.where().line(), out.where().attempt());
    }

    private static RunResult publishRun(GridRun run, Map<String, byte[]> files) {
        byte[] results = files.get(RunFolder.RESULTS);
        if (results == null) return run.unfinished(RunStatus.FAILED, "the attempt sent no " + RunFolder.RESULTS);
        try (RunLock lock = RunLock.acquire(run.dir())) {
            OutputGuard.prepareRunFolder(run.dir(), run.force());
            new Checkpoints(run.dir()).clear();
            FolderBytes.publish(run.dir(), files);
        }
        return Json.parse(new String(results, java.nio.charset.StandardCharsets.UTF_8), RunResult.class);
    }

    /** Reference folders ({@code <hash>/...}) the cache lacks; one already there is kept (the first to finish wins). */
    private static void publishReferences(Path cache, Map<String, byte[]> files) {
        Map<String, TreeMap<String, byte[]>> byFolder = new TreeMap<>();
        files.forEach((rel, bytes) -> {
            int slash = rel.indexOf('/');
            if (slash > 0) byFolder.computeIfAbsent(rel.substring(0, slash), k -> new TreeMap<>()).put(rel.substring(slash + 1), bytes);
        });
        byFolder.forEach((folder, content) -> {
            Path dir = cache.resolve(folder);
            if (!Files.exists(dir.resolve(RunFolder.RESULTS)) && content.containsKey(RunFolder.RESULTS)) FolderBytes.publish(dir, content);
        });
    }

    void jobEnded(String why) {
        jobFailure = why;
    }

    String jobFailure() {
        return jobFailure;
    }

    synchronized RunResult result(int index) {
        return results[index];
    }

    /** One entry per run that delivered: label, folder, status, executor, host, pid, attempt, seconds. */
    record Entry(String label, String folder, String status, String executorId, String host, long pid, int attempt, double seconds,
                 String message) {
    }

    record Report(String master, String application, String datasetShipping, List<Entry> runs) {
    }

    synchronized void writeReport(String master, String application) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (results[i] == null) continue;
            TaskOutput.Where w = where[i];
            entries.add(new Entry(runs.get(i).label(), root.relativize(runs.get(i).dir().toAbsolutePath().normalize()).toString(),
                    results[i].status().name(), w.executorId(), w.host(), w.pid(), w.attempt(), seconds[i], results[i].message()));
        }
        AtomicFiles.writeString(root.resolve(REPORT), Json.write(new Report(master, application, "broadcast of the dataset folder's files, once per executor", entries)));
    }
}
