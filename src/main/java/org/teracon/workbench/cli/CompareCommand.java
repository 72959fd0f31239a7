package org.teracon.workbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.teracon.workbench.experiment.AtomicFiles;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.Comparison;
import org.teracon.workbench.experiment.GridStatus;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.LatexTable;
import org.teracon.workbench.experiment.PaperTables;
import org.teracon.workbench.experiment.ResultTable;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.SeedList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run several methods on the same data, order and seed; write comparison.csv and comparison.md "
                + "(each task's final score, BWT and FWT per method) and one run folder per method.")
public class CompareCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--methods", required = true, split = ",", paramLabel = "a,b,c", description = "methods to compare")
    List<String> methods;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Mixin
    SeedsOption seeds;

    @Option(names = "--baseline", paramLabel = "METHOD",
            description = "with --seeds: test every method against this one per task (paired t and Wilcoxon over seeds)")
    String baseline;

    @Option(names = "--force", description = "replace runs already in --out (only their own files are removed)")
    boolean force;

    @Option(names = "--resume", description = "continue a grid in --out: keep its completed runs, train the rest again")
    boolean resume;

    @Mixin
    GridFlags grid;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (methods.isEmpty() || methods.stream().anyMatch(String::isBlank)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--methods needs one or more method names, got '" + String.join(",", methods) + "'");
        }
        if (methods.stream().distinct().count() != methods.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--methods names a method twice: " + String.join(",", methods));
        }
        ExperimentConfig base = options.build(methods);
        SeedList group = seeds.resolve(base.seed());
        if (baseline != null && !methods.contains(baseline)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--baseline " + baseline + " is not one of --methods " + String.join(",", methods));
        }
        BatchRunner.Options run = grid.options(true, force, resume);
        try (ShutdownCancel shutdown = new ShutdownCancel()) {
            if (group.isGroup()) return SeedCommands.compare(base, methods, group, baseline, out, shutdown.token, run);
            Map<String, RunResult> results = BatchRunner.run(Comparison.configs(base, methods), out, new BatchProgress(System.out),
                    shutdown.token, run);
            System.out.println(GridStatus.summary(results, methods.size()));
            if (results.values().stream().anyMatch(r -> r.status() == RunStatus.CANCELLED)) return ExitCodes.CANCELLED;
            ResultTable table = Comparison.table(results);
            write(out, "comparison", table);
            return results.values().stream().allMatch(r -> r.status() == RunStatus.COMPLETED) ? ExitCodes.OK : ExitCodes.RUN_FAILED;
        }
    }

    static void write(Path out, String name, ResultTable table) {
        AtomicFiles.writeString(out.resolve(name + ".csv"), table.csv());
        AtomicFiles.writeString(out.resolve(name + ".md"), table.markdown());
        AtomicFiles.writeString(out.resolve(name + ".tex"), LatexTable.of(PaperTables.of(table)));
        System.out.println(table.markdown());
        System.out.println("wrote " + out.resolve(name + ".csv") + ", " + name + ".md and " + name + ".tex");
    }
}
