package org.teracon.workbench.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.teracon.workbench.experiment.AtomicFiles;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.Comparison;
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
        List<Map<String, RunResult>> perSeed = new ArrayList<>();
        int perBatch = methods.size();
        for (int k = 0; k < seeds.size(); k++) {
            if (cancel.isCancelled()) break;
            long s = seeds.seeds().get(k);
            Map<String, RunResult> r = BatchRunner.run(Comparison.configs(base.withSeed(s), methods), out.resolve(SeedList.folder(s)),
                    perSeed(listener, k, seeds.size(), perBatch, s), cancel);
            perSeed.add(r);
            writeGroup(out, seeds, perSeed);
            if (r.values().stream().anyMatch(x -> x.status() == RunStatus.CANCELLED)) break;
        }
        List<Map<String, RunResult>> padded = new ArrayList<>(perSeed);
        while (padded.size() < seeds.size()) padded.add(Map.of());
        return new CompareOutcome(seeds.seeds(), perSeed, SeedComparison.of(seeds.seeds(), padded, baseline));
    }

    public static StudyGroupOutcome study(StudyRequest request, SeedList seeds, Path out, BatchRunner.Listener listener,
                                          CancellationToken cancel, boolean withReference) {
        // One plan for every seed: the order study's random orders come from the base seed, so every seed
        // runs the same orders and the rows line up.
        List<BatchRunner.LabelledConfig> plan = request.plan();
        List<StudyOutcome> outcomes = new ArrayList<>();
        List<Map<String, RunResult>> perSeed = new ArrayList<>();
        for (int k = 0; k < seeds.size(); k++) {
            if (cancel.isCancelled()) break;
            long s = seeds.seeds().get(k);
            Path dir = out.resolve(SeedList.folder(s));
            List<BatchRunner.LabelledConfig> runs = plan.stream()
                    .map(c -> new BatchRunner.LabelledConfig(c.label(), c.config().withSeed(s))).toList();
            Map<String, RunResult> results = BatchRunner.run(runs, dir, perSeed(listener, k, seeds.size(), runs.size(), s), cancel, withReference);
            perSeed.add(results);
            outcomes.add(StudyOutcome.of(request, dir, runs.size(), results));
            writeGroup(out, seeds, perSeed);
            if (outcomes.get(k).cancelled()) break;
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

    /** Labels runs "seed-<s>/<label>" and counts them over the whole group, so progress spans every seed. */
    static BatchRunner.Listener perSeed(BatchRunner.Listener listener, int k, int seeds, int perBatch, long seed) {
        String prefix = SeedList.folder(seed) + "/";
        return new BatchRunner.Listener() {
            @Override
            public void runStarting(int index, int total, String label) {
                listener.runStarting(k * perBatch + index, seeds * perBatch, prefix + label);
            }

            @Override
            public void onEvent(String label, RunEvent event) {
                listener.onEvent(prefix + label, event);
            }
        };
    }

    private static void writeGroup(Path out, SeedList seeds, List<Map<String, RunResult>> perSeed) {
        List<BatchGroupFile.Entry> entries = new ArrayList<>();
        for (int k = 0; k < perSeed.size(); k++) {
            long s = seeds.seeds().get(k);
            perSeed.get(k).forEach((label, r) -> entries.add(new BatchGroupFile.Entry(s, label,
                    SeedList.folder(s) + "/" + label.replaceAll("[^A-Za-z0-9._-]+", "_"), r.status().name())));
        }
        AtomicFiles.writeString(out.resolve(SeedGroup.GROUP_JSON),
                Json.write(new BatchGroupFile(seeds.seeds(), "sample standard deviation (n-1)", entries)));
    }
}
