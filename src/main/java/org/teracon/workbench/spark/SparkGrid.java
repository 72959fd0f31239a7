package org.teracon.workbench.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.GridExecutor;
import org.teracon.workbench.experiment.GridRun;
import org.teracon.workbench.experiment.Json;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.RunResult;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The grid's runs as Spark tasks, one run per task. The driver (this JVM) ships each dataset once per
 * executor (broadcast), runs SinMo first when its runs are the others' FWT reference (two jobs: the
 * references, then the rest with the finished references shipped along), and publishes each run's
 * folder as its task's result arrives ({@link Publisher}); what no task delivered is reported as
 * failed or cancelled, and {@code --resume} redoes only that.
 */
final class SparkGrid implements GridExecutor {
    private final SparkSettings settings;

    SparkGrid(SparkSettings settings) {
        this.settings = settings;
    }

    @Override
    public Map<String, RunResult> execute(List<GridRun> runs, Map<String, Dataset> datasets, BatchRunner.Listener listener,
                                          CancellationToken cancel) {
        SparkConf conf = new SparkConf().setMaster(settings.master());
        settings.conf().forEach(conf::set);
        GridProgress progress = new GridProgress(runs, listener);
        TaskEvents events = new TaskEvents(progress);
        Publisher publisher = new Publisher(runs, progress, root(runs));
        String group = "teracon-grid-" + ProcessHandle.current().pid();
        String application;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            application = sc.sc().applicationId();
            sc.sc().addSparkListener(events);
            System.out.println("spark: " + runs.size() + " runs on " + settings.master() + " (application " + sc.sc().applicationId() + ")");
            Map<String, Broadcast<ShippedDataset>> shipped = ship(sc, runs);
            RunTask task = new RunTask(shipped);
            Thread cancelWatch = cancelWatch(sc, group, cancel);
            try {
                for (int[] wave : waves(runs)) {
                    if (cancel.isCancelled()) break;
                    sc.setJobGroup(group, "teracon grid", true);
                    runWave(sc, task, events, publisher, runs, wave);
                }
            } finally {
                cancelWatch.interrupt();
            }
        }
        publisher.writeReport(settings.master(), application);
        return results(runs, publisher, cancel);
    }

    private static Map<String, Broadcast<ShippedDataset>> ship(JavaSparkContext sc, List<GridRun> runs) {
        Map<String, Broadcast<ShippedDataset>> shipped = new HashMap<>();
        for (GridRun run : runs) {
            shipped.computeIfAbsent(run.config().dataset(), d -> {
                ShippedDataset ds = ShippedDataset.of(Path.of(d));
                System.out.printf("spark: dataset %s broadcast once per executor (%d files, %.1f MB)%n", d, ds.files().size(), ds.bytes() / 1e6);
                return sc.broadcast(ds);
            });
        }
        return shipped;
    }

    /**
     * SinMo runs first when other runs take FWT from them, so no task trains a reference twice; else one
     * wave. A run of the second wave whose reference is still missing trains it privately, as the local path would.
     */
    static List<int[]> waves(List<GridRun> runs) {
        int[] refs = IntStream.range(0, runs.size()).filter(i -> runs.get(i).isReferenceMethod() && runs.get(i).referenceCache() != null).toArray();
        int[] rest = IntStream.range(0, runs.size()).filter(i -> !(runs.get(i).isReferenceMethod() && runs.get(i).referenceCache() != null)).toArray();
        boolean restNeeds = IntStream.of(rest).anyMatch(i -> runs.get(i).referenceCache() != null);
        if (refs.length == 0 || rest.length == 0 || !restNeeds) return List.of(IntStream.range(0, runs.size()).toArray());
        return List.of(refs, rest);
    }

    private static void runWave(JavaSparkContext sc, RunTask task, TaskEvents events, Publisher publisher, List<GridRun> runs, int[] wave) {
        List<TaskInput> inputs = new ArrayList<>();
        for (int i : wave) {
            GridRun run = runs.get(i);
            TreeMap<String, byte[]> refs = run.referenceCache() == null ? new TreeMap<>()
                    : FolderBytes.read(run.referenceCache(), rel -> rel.matches("[^/]+/" + org.teracon.workbench.experiment.RunFolder.RESULTS));
            inputs.add(new TaskInput(i, run.label(), Json.write(run.config()), run.config().dataset(), run.referenceCache() != null, refs));
        }
        // one partition per run: Spark schedules, retries and reports each run on its own
        JavaRDD<TaskInput> rdd = sc.parallelize(inputs, inputs.size());
        sc.setLocalProperty(TaskEvents.WAVE, events.wave(wave));
        ClassTag<TaskOutput> tag = ClassTag$.MODULE$.apply(TaskOutput.class);
        List<Object> partitions = new ArrayList<>();
        for (int p = 0; p < inputs.size(); p++) partitions.add(p);
        try {
            sc.sc().runJob(rdd.rdd(), task, CollectionConverters.asScala(partitions).toSeq(), publisher.handler(), tag);
        } catch (RuntimeException e) {
            // a task lost more often than spark.task.maxFailures, or a cancel: the runs not delivered are reported below
            publisher.jobEnded(firstLine(e));
        }
    }

    private static Map<String, RunResult> results(List<GridRun> runs, Publisher publisher, CancellationToken cancel) {
        Map<String, RunResult> results = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = publisher.result(i);
            if (r == null) {
                String why = publisher.jobFailure();
                r = cancel.isCancelled() ? runs.get(i).unfinished(RunStatus.CANCELLED, "the grid was cancelled before this run finished")
                        : runs.get(i).unfinished(RunStatus.FAILED, "Spark delivered no result" + (why == null ? "" : ": " + why));
            }
            results.put(runs.get(i).label(), r);
        }
        return results;
    }

    /** Cancels the running job when the user cancels the grid (Ctrl+C, the window's Cancel). */
    private static Thread cancelWatch(JavaSparkContext sc, String group, CancellationToken cancel) {
        Thread t = new Thread(() -> {
            try {
                while (!cancel.isCancelled()) Thread.sleep(200);
                sc.cancelJobGroup(group);
            } catch (InterruptedException done) {
                // the grid ended
            }
        }, "teracon-grid-cancel");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The deepest folder holding every run folder: where the grid's spark-grid.json goes. */
    static Path root(List<GridRun> runs) {
        Path root = runs.get(0).dir().toAbsolutePath().normalize().getParent();
        for (GridRun r : runs) {
            Path d = r.dir().toAbsolutePath().normalize();
            while (!d.startsWith(root)) root = root.getParent();
        }
        return root;
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
