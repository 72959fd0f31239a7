package org.teracon.workbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.teracon.workbench.experiment.AtomicFiles;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.Comparison;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.ResultTable;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.SeedList;
import picocli.CommandLine.Command;
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

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--baseline", paramLabel = "METHOD",
            description = "with --seeds: test every method against this one per task (paired t and Wilcoxon over seeds)")
    String baseline;

    @Override
    public Integer call() {
        ExperimentConfig base = options.build(methods);
        SeedList group = seeds.resolve(base.seed());
        if (baseline != null && !methods.contains(baseline)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--baseline " + baseline + " is not one of --methods " + String.join(",", methods));
        }
        CancellationToken cancel = new CancellationToken();
        Runtime.getRuntime().addShutdownHook(new Thread(cancel::cancel));
        if (group.isGroup()) return SeedCommands.compare(base, methods, group, baseline, out, cancel);
        Map<String, RunResult> results = BatchRunner.run(Comparison.configs(base, methods), out, new BatchProgress(System.out), cancel);
        ResultTable table = Comparison.table(results);
        write(out, "comparison", table);
        return results.values().stream().allMatch(r -> r.status() == RunStatus.COMPLETED) ? 0 : 1;
    }

    static void write(Path out, String name, ResultTable table) {
        AtomicFiles.writeString(out.resolve(name + ".csv"), table.csv());
        AtomicFiles.writeString(out.resolve(name + ".md"), table.markdown());
        System.out.println(table.markdown());
        System.out.println("wrote " + out.resolve(name + ".csv") + " and " + name + ".md");
    }
}
