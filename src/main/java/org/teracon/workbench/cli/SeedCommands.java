package org.teracon.workbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teracon.workbench.app.Experiments;
import org.teracon.workbench.app.SeedRuns;
import org.teracon.workbench.app.StudyOutcome;
import org.teracon.workbench.app.StudyRequest;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.GridStatus;
import org.teracon.workbench.experiment.AtomicFiles;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.LatexTable;
import org.teracon.workbench.experiment.PaperTables;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.SeedComparison;
import org.teracon.workbench.experiment.SeedGroup;
import org.teracon.workbench.experiment.SeedList;

/** run, compare and study over a seed group (two or more seeds): progress per seed, then the group's tables. */
final class SeedCommands {
    private SeedCommands() {
    }

    static int run(ExperimentConfig config, SeedList seeds, Path out, CancellationToken cancel, boolean noReference) {
        SeedGroup g = SeedRuns.run(config, seeds, out, k -> {
            long s = seeds.seeds().get(k);
            System.out.printf("=== seed %d (%d/%d)%n", s, k + 1, seeds.size());
            return new ConsoleProgress(System.out, "[seed " + s + "] ");
        }, cancel, noReference ? Experiments.Reference.NONE : Experiments.Reference.TRAIN_WHEN_MISSING);
        for (RunResult r : g.results()) Tables.print(System.out, r);
        System.out.println(g.summary());
        System.out.println("wrote " + out.resolve(SeedGroup.GROUP_JSON) + ", " + SeedGroup.MATRIX + ", " + SeedGroup.TRANSFER + " and "
                + SeedGroup.SUMMARY + "; one run folder per seed under " + out.resolve(SeedList.FOLDER_PREFIX + "<s>"));
        return g.allCompleted() ? 0 : 1;
    }

    /** run --seeds as one grid (here with --spark): progress per run, then the group's tables. */
    static int runGrid(ExperimentConfig config, SeedList seeds, Path out, CancellationToken cancel, BatchRunner.Options options) {
        SeedGroup g = SeedRuns.runGrid(config, seeds, out, new BatchProgress(System.out), cancel, options);
        for (RunResult r : g.results()) Tables.print(System.out, r);
        System.out.println(g.summary());
        return g.allCompleted() ? 0 : cancel.isCancelled() ? ExitCodes.CANCELLED : 1;
    }

    static int compare(ExperimentConfig base, List<String> methods, SeedList seeds, String baseline, Path out, CancellationToken cancel,
                       BatchRunner.Options options) {
        SeedRuns.CompareOutcome o = SeedRuns.compare(base, methods, seeds, baseline, out, new BatchProgress(System.out), cancel, options);
        System.out.println(GridStatus.summary(flat(o.perSeed(), seeds), seeds.size() * methods.size()));
        SeedComparison c = o.comparison();
        write(out, "comparison", c.csv(), c.markdown(), LatexTable.of(PaperTables.of(c.table())));
        return o.allCompleted() ? 0 : 1;
    }

    static int study(StudyRequest request, SeedList seeds, Path out, String name, CancellationToken cancel, BatchRunner.Options options) {
        SeedRuns.StudyGroupOutcome o = SeedRuns.study(request, seeds, out, new BatchProgress(System.out), cancel, options);
        System.out.println(GridStatus.summary(flat(o.perSeed().stream().map(StudyOutcome::results).toList(), seeds),
                seeds.size() * request.plan().size()));
        if (o.table() == null) {
            System.out.println(o.tableError());
            return 1;
        }
        write(out, name, o.table().csv(), o.table().markdown(), LatexTable.of(PaperTables.of(o.table())));
        return 0;
    }

    /** Each seed's results by "seed-<s>/<label>", for the grid's summary line. */
    private static Map<String, RunResult> flat(List<Map<String, RunResult>> perSeed, SeedList seeds) {
        Map<String, RunResult> all = new LinkedHashMap<>();
        for (int k = 0; k < perSeed.size(); k++) {
            String prefix = SeedList.folder(seeds.seeds().get(k)) + "/";
            perSeed.get(k).forEach((label, r) -> all.put(prefix + label, r));
        }
        return all;
    }

    private static void write(Path out, String name, String csv, String markdown, String latex) {
        AtomicFiles.writeString(out.resolve(name + ".csv"), csv);
        AtomicFiles.writeString(out.resolve(name + ".md"), markdown);
        AtomicFiles.writeString(out.resolve(name + ".tex"), latex);
        System.out.println(markdown);
        System.out.println("wrote " + out.resolve(name + ".csv") + ", " + name + ".md and " + name + ".tex; group.json names the seeds and each run's status");
    }
}
