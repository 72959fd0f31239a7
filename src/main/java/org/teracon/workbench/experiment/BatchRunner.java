package org.teracon.workbench.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetLoader;

/**
 * Runs several labelled experiments into {@code outDir/<label>}, sharing one SinMo reference cache for
 * FWT, through a {@link GridExecutor}: one after another here, or as Spark tasks. Every run is checked
 * before the first trains; a failed run is kept and reported.
 */
public final class BatchRunner {

    public record LabelledConfig(String label, ExperimentConfig config) {
    }

    /** Progress of a batch: which run of how many, and that run's own events. */
    public interface Listener {
        void runStarting(int index, int total, String label);

        void onEvent(String label, RunEvent event);

        /** A run's result, as soon as its folder is final (also from Spark's tasks, on the driver). */
        default void runFinished(String label, RunResult result) {
        }

        /** Done / running / queued and each run's state, from an executor that runs several at once. */
        default void gridStatus(GridStatus status) {
        }
    }

    /**
     * How a grid runs.
     *
     * @param resume keep runs whose folder already holds a COMPLETED run (read back, not trained again) and
     *               replace the others' own files: a grid that failed or was stopped continues
     */
    public record Options(boolean withReference, boolean force, boolean resume, GridExecutor executor) {
        public static Options local(boolean withReference, boolean force) {
            return new Options(withReference, force, false, LocalGrid.INSTANCE);
        }

        public Options withReference(boolean reference) {
            return new Options(reference, force, resume, executor);
        }
    }

    private BatchRunner() {
    }

    /** With FWT references (a SinMo run shared by the batch), as the method comparison needs. */
    public static Map<String, RunResult> run(List<LabelledConfig> configs, Path outDir, Listener listener, CancellationToken cancel) {
        return run(configs, outDir, listener, cancel, true);
    }

    /** @param withReference false for studies, whose tables need no FWT: saves one SinMo run per setting */
    public static Map<String, RunResult> run(List<LabelledConfig> configs, Path outDir, Listener listener, CancellationToken cancel,
                                             boolean withReference) {
        return run(configs, outDir, listener, cancel, withReference, false);
    }

    /** {@code force} replaces runs already in the labelled folders. */
    public static Map<String, RunResult> run(List<LabelledConfig> configs, Path outDir, Listener listener, CancellationToken cancel,
                                             boolean withReference, boolean force) {
        return run(configs, outDir, listener, cancel, Options.local(withReference, force));
    }

    public static Map<String, RunResult> run(List<LabelledConfig> configs, Path outDir, Listener listener, CancellationToken cancel,
                                             Options options) {
        return runGrid(plan(configs, outDir, "", options), listener, cancel, options);
    }

    /**
     * One batch as grid runs into {@code outDir/<label>}, SinMo first (its run doubles as the FWT
     * reference of the others); labels get {@code labelPrefix} (a seed group's "seed-7/").
     */
    public static List<GridRun> plan(List<LabelledConfig> configs, Path outDir, String labelPrefix, Options options) {
        Set<String> folders = new HashSet<>();
        for (LabelledConfig lc : configs) {
            if (lc.label() == null || lc.label().isBlank() || !folders.add(safe(lc.label()))) {
                throw new IllegalArgumentException("each run of a batch needs its own non-empty name; got " + configs.stream().map(LabelledConfig::label).toList());
            }
        }
        Path cache = options.withReference() ? outDir.resolve(SinMoReference.CACHE_FOLDER) : null;
        List<LabelledConfig> ordered = new ArrayList<>(configs);
        ordered.sort(Comparator.comparing(c -> SingleTaskReference.METHOD.equalsIgnoreCase(c.config().method()) ? 0 : 1));
        return ordered.stream().map(lc -> new GridRun(labelPrefix + lc.label(), outDir.resolve(safe(lc.label())), lc.config(), cache,
                options.force())).toList();
    }

    /**
     * Checks every run's settings, dataset, memory and folder before the first trains (bad input throws
     * with nothing written), skips completed runs on resume, then hands the rest to the executor.
     *
     * @return by label in plan order: the runs read back on resume and the runs the executor finished
     */
    public static Map<String, RunResult> runGrid(List<GridRun> plan, Listener listener, CancellationToken cancel, Options options) {
        Map<String, Dataset> datasets = new LinkedHashMap<>();
        Set<Path> dirs = new HashSet<>();
        Map<String, RunResult> done = new LinkedHashMap<>();
        List<GridRun> todo = new ArrayList<>();
        for (GridRun run : plan) {
            if (!dirs.add(run.dir().toAbsolutePath().normalize())) throw new IllegalArgumentException("two runs of the grid share the folder " + run.dir());
            Dataset ds = datasets.computeIfAbsent(run.config().dataset(), d -> DatasetLoader.load(Path.of(d)));
            ExperimentRunner.preflight(run.config(), ds);
            if (options.resume() && ExperimentRunner.recordedStatus(run.dir()) == RunStatus.COMPLETED) {
                done.put(run.label(), Json.read(run.dir().resolve(RunFolder.RESULTS), RunResult.class));
                continue;
            }
            GridRun r = options.resume() ? run.forced() : run;
            if (!r.force()) OutputGuard.prepareRunFolder(r.dir(), false);
            todo.add(r);
        }
        done.forEach(listener::runFinished);
        Map<String, RunResult> ran = todo.isEmpty() ? Map.of() : options.executor().execute(todo, datasets, listener, cancel);
        Map<String, RunResult> results = new LinkedHashMap<>();
        for (GridRun run : plan) {
            RunResult r = done.containsKey(run.label()) ? done.get(run.label()) : ran.get(run.label());
            if (r != null) results.put(run.label(), r);
        }
        return results;
    }

    public static String safe(String label) {
        return label.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
