package org.teracon.workbench.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.teracon.workbench.experiment.AtomicFiles;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.Comparison;
import org.teracon.workbench.experiment.GridRun;
import org.teracon.workbench.experiment.GridStatus;
import org.teracon.workbench.experiment.SinMoReference;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.Json;
import org.teracon.workbench.experiment.ResultTable;
import org.teracon.workbench.experiment.RunEvent;
import org.teracon.workbench.experiment.RunListener;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.SeedComparison;
import org.teracon.workbench.experiment.SeedGroup;
import org.teracon.workbench.experiment.SeedList;
import org.teracon.workbench.experiment.SeedTable;

/**
 * Runs, comparisons and studies over a seed group, as the CLI and the window start them: the same
 * batch once per seed into {@code <out>/seed-<s>/}, then the group's tables as mean ± std (n). A single
 * seed never comes here: its folders stay exactly as without seeds.
 */
public final class SeedRuns {

    /** A comparison over seeds: per seed the batch's results by method, and the aggregated table with its tests. */
    public record CompareOutcome(List<Long> seeds, List<Map<String, RunResult>> perSeed, SeedComparison comparison) {
        public boolean allCompleted() {
            return perSeed.size() == seeds.size() && perSeed.stream().allMatch(m -> m.values().stream().allMatch(r -> r.status() == RunStatus.COMPLETED));
        }
    }

    /** A study over seeds: each seed's outcome and, when every seed has its table, the table as mean ± std (n). */
    public record StudyGroupOutcome(List<Long> seeds, List<StudyOutcome> perSeed, SeedTable table, String tableError) {
    }

    /** group.json of a comparison or a study: the seeds and each run's status, by seed then label. */
    public record BatchGroupFile(List<Long> seeds, String std, List<Entry> runs) {
        public record Entry(long seed, String label, String folder, String status) {
        }
    }

    private SeedRuns() {
    }

    /** @param listenerForSeed the listener of the k-th seed's run */
    public static SeedGroup run(ExperimentConfig config, SeedList seeds, Path out, IntFunction<RunListener> listenerForSeed,
                                CancellationToken cancel, Experiments.Reference reference) {
        return SeedGroup.run(config, seeds, out, cancel,
                (k, seed, cfg, dir) -> Experiments.run(cfg, dir, listenerForSeed.apply(k), cancel, reference));
    }

    public static CompareOutcome compare(ExperimentConfig base, List<String> methods, SeedList seeds, String baseline, Path out,
                                         BatchRunner.Listener listener, CancellationToken cancel) {
        return compare(base, methods, seeds, baseline, out, listener, cancel, BatchRunner.Options.local(true, false));
    }

    /**
     * Every seed's batch as one grid (so an executor that runs several at once spans the seeds), in the
     * order the seeds were given, SinMo first within each seed.
     */
    public static CompareOutcome compare(ExperimentConfig base, List<String> methods, SeedList seeds, String baseline, Path out,
                                         BatchRunner.Listener listener, CancellationToken cancel, BatchRunner.Options options) {
        List<GridRun> plan = new ArrayList<>();
        for (long s : seeds.seeds()) {
            plan.addAll(BatchRunner.plan(Comparison.configs(base.withSeed(s), methods), out.resolve(SeedList.folder(s)), prefix(s),
                    options.withReference(true)));
        }
        List<Map<String, RunResult>> perSeed = runBySeed(plan, seeds, out, listener, cancel, options);
        List<Map<String, RunResult>> padded = new ArrayList<>(perSeed);
        while (padded.size() < seeds.size()) padded.add(Map.of());
        return new CompareOutcome(seeds.seeds(), perSeed, SeedComparison.of(seeds.seeds(), padded, baseline));
    }

    public static StudyGroupOutcome study(StudyRequest request, SeedList seeds, Path out, BatchRunner.Listener listener,
                                          CancellationToken cancel, boolean withReference) {
        return study(request, seeds, out, listener, cancel, BatchRunner.Options.local(withReference, false));
    }

    public static StudyGroupOutcome study(StudyRequest request, SeedList seeds, Path out, BatchRunner.Listener listener,
                                          CancellationToken cancel, BatchRunner.Options options) {
        // One plan for every seed: the order study's random orders come from the base seed, so every seed
        // runs the same orders and the rows line up.
        List<BatchRunner.LabelledConfig> studyPlan = request.plan();
        List<GridRun> plan = new ArrayList<>();
        for (long s : seeds.seeds()) {
            List<BatchRunner.LabelledConfig> runs = studyPlan.stream()
                    .map(c -> new BatchRunner.LabelledConfig(c.label(), c.config().withSeed(s))).toList();
            plan.addAll(BatchRunner.plan(runs, out.resolve(SeedList.folder(s)), prefix(s), options));
        }
        List<Map<String, RunResult>> perSeed = runBySeed(plan, seeds, out, listener, cancel, options);
        List<StudyOutcome> outcomes = new ArrayList<>();
        for (int k = 0; k < perSeed.size(); k++) {
            outcomes.add(StudyOutcome.of(request, out.resolve(SeedList.folder(seeds.seeds().get(k))), studyPlan.size(), perSeed.get(k)));
        }
        List<ResultTable> tables = outcomes.stream().map(StudyOutcome::table).toList();
        long missing = seeds.size() - tables.stream().filter(t -> t != null).count();
        if (missing > 0) {
            return new StudyGroupOutcome(seeds.seeds(), outcomes, null, "no table: " + missing + " of " + seeds.size()
                    + " seeds have no complete study" + outcomes.stream().map(StudyOutcome::tableError).filter(e -> !e.isEmpty())
                    .findFirst().map(e -> " (" + e + ")").orElse(""));
        }
        return new StudyGroupOutcome(seeds.seeds(), outcomes, SeedTable.of(seeds.seeds(), tables), "");
    }

    /**
     * A seed group of single runs ({@code run --seeds}) as one grid: {@code <out>/seed-<s>/}, the FWT
     * reference cache beside them where {@link #run} keeps it, then the group's files.
     */
    public static SeedGroup runGrid(ExperimentConfig config, SeedList seeds, Path out, BatchRunner.Listener listener,
                                    CancellationToken cancel, BatchRunner.Options options) {
        Path cache = options.withReference() ? out.toAbsolutePath().resolve(SinMoReference.CACHE_FOLDER) : null;
        List<GridRun> plan = seeds.seeds().stream()
                .map(s -> new GridRun(SeedList.folder(s), out.resolve(SeedList.folder(s)), config.withSeed(s), cache, options.force())).toList();
        Map<String, RunResult> all = BatchRunner.runGrid(plan, listener, cancel, options);
        List<RunResult> results = new ArrayList<>();
        for (GridRun run : plan) {
            RunResult r = all.get(run.label());
            if (r == null) break;
            results.add(r);
        }
        SeedGroup g = new SeedGroup(seeds.seeds(), results);
        g.write(out);
        return g;
    }

    private static String prefix(long seed) {
        return SeedList.folder(seed) + "/";
    }

    /** Runs the grid, rewriting group.json as each run finishes; then each seed's results by label (seeds that ran). */
    private static List<Map<String, RunResult>> runBySeed(List<GridRun> plan, SeedList seeds, Path out, BatchRunner.Listener listener,
                                                          CancellationToken cancel, BatchRunner.Options options) {
        Map<String, RunResult> finished = new LinkedHashMap<>();
        BatchRunner.Listener recording = new BatchRunner.Listener() {
            @Override
            public void runStarting(int index, int total, String label) {
                listener.runStarting(index, total, label);
            }

            @Override
            public void onEvent(String label, RunEvent event) {
                listener.onEvent(label, event);
            }

            @Override
            public void runFinished(String label, RunResult result) {
                synchronized (finished) {
                    finished.put(label, result);
                    writeGroup(out, seeds, bySeed(plan, seeds, finished));
                }
                listener.runFinished(label, result);
            }

            @Override
            public void gridStatus(GridStatus status) {
                listener.gridStatus(status);
            }
        };
        Map<String, RunResult> all = BatchRunner.runGrid(plan, recording, cancel, options);
        List<Map<String, RunResult>> perSeed = bySeed(plan, seeds, all);
        writeGroup(out, seeds, perSeed);
        return perSeed;
    }

    /** Each seed's results by label without the seed prefix, up to the first seed with none (a cancelled group). */
    private static List<Map<String, RunResult>> bySeed(List<GridRun> plan, SeedList seeds, Map<String, RunResult> results) {
        List<Map<String, RunResult>> perSeed = new ArrayList<>();
        for (long s : seeds.seeds()) {
            Map<String, RunResult> m = new LinkedHashMap<>();
            for (GridRun run : plan) {
                if (run.label().startsWith(prefix(s)) && results.containsKey(run.label())) {
                    m.put(run.label().substring(prefix(s).length()), results.get(run.label()));
                }
            }
            if (m.isEmpty()) break;
            perSeed.add(m);
        }
        return perSeed;
    }

    private static void writeGroup(Path out, SeedList seeds, List<Map<String, RunResult>> perSeed) {
        List<BatchGroupFile.Entry> entries = new ArrayList<>();
        for (int k = 0; k < perSeed.size(); k++) {
            long s = seeds.seeds().get(k);
            perSeed.get(k).forEach((label, r) -> entries.add(new BatchGroupFile.Entry(s, label,
                    SeedList.folder(s) + "/" + BatchRunner.safe(label), r.status().name())));
        }
        AtomicFiles.writeString(out.resolve(SeedGroup.GROUP_JSON),
                Json.write(new BatchGroupFile(seeds.seeds(), "sample standard deviation (n-1)", entries)));
    }
}
