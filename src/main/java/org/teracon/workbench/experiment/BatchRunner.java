package org.teracon.workbench.experiment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetLoader;

/**
 * Runs several labelled experiments one after another into {@code outDir/<label>}, sharing one SinMo
 * reference cache for FWT. Stops at the first cancelled run; a failed run is kept and reported.
 */
public final class BatchRunner {

    public record LabelledConfig(String label, ExperimentConfig config) {
    }

    /** Progress of a batch: which run of how many, and that run's own events. */
    public interface Listener {
        void runStarting(int index, int total, String label);

        void onEvent(String label, RunEvent event);
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

    /**
     * Every run's settings, dataset, memory and output folder are checked before the first trains;
     * {@code force} replaces runs already in the labelled folders.
     */
    public static Map<String, RunResult> run(List<LabelledConfig> configs, Path outDir, Listener listener, CancellationToken cancel,
                                             boolean withReference, boolean force) {
        Map<String, RunResult> results = new LinkedHashMap<>();
        Map<String, Dataset> datasets = new LinkedHashMap<>();
        java.util.Set<String> folders = new java.util.HashSet<>();
        for (LabelledConfig lc : configs) {
            if (lc.label() == null || lc.label().isBlank() || !folders.add(safe(lc.label()))) {
                throw new IllegalArgumentException("each run of a batch needs its own non-empty name; got " + configs.stream().map(LabelledConfig::label).toList());
            }
            Dataset ds = datasets.computeIfAbsent(lc.config().dataset(), d -> DatasetLoader.load(Path.of(d)));
            ExperimentRunner.preflight(lc.config(), ds);
            Path dir = outDir.resolve(safe(lc.label()));
            if (!force) OutputGuard.prepareRunFolder(dir, false);
        }
        SinMoReference reference = new SinMoReference(outDir.resolve(SinMoReference.CACHE_FOLDER));
        // SinMo first: its run doubles as the FWT reference of the others
        List<LabelledConfig> ordered = new java.util.ArrayList<>(configs);
        ordered.sort(java.util.Comparator.comparing(c -> SingleTaskReference.METHOD.equalsIgnoreCase(c.config().method()) ? 0 : 1));
        for (int i = 0; i < ordered.size(); i++) {
            LabelledConfig lc = ordered.get(i);
            if (cancel.isCancelled()) break;
            listener.runStarting(i, configs.size(), lc.label());
            Dataset ds = datasets.computeIfAbsent(lc.config().dataset(), d -> DatasetLoader.load(Path.of(d)));
            RunResult r = new ExperimentRunner(withReference ? reference : null).replacing(force).run(lc.config(), ds, outDir.resolve(safe(lc.label())), e -> listener.onEvent(lc.label(), e), cancel);
            results.put(lc.label(), r);
            if (r.status() == RunStatus.CANCELLED) break;
        }
        return results;
    }

    static String safe(String label) {
        return label.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
