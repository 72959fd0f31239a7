package org.teracon.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.teracon.workbench.app.Experiments;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.experiment.ExperimentRunner;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.RunInfo;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.SeedList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Train one method over the task sequence and write the run folder "
                + "(experiment.json, loss.csv, accuracy_matrix.csv, transfer.csv, mask_similarity.csv, results.json).")
public class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "run folder to write")
    Path out;

    @Mixin
    SeedsOption seeds;

    @Option(names = "--no-fwt-reference", description = "skip the SinMo reference run that FWT needs")
    boolean noReference;

    @Option(names = "--name", paramLabel = "NAME", description = "the run's name in run-info.json (default: <method> <dataset> <time>)")
    String name;

    @Option(names = "--tag", paramLabel = "TAG", description = "a tag for the run in run-info.json (repeat for several)")
    java.util.List<String> tags = new java.util.ArrayList<>();

    @Option(names = "--force", description = "replace the run in --out (only its own files are removed)")
    boolean force;

    @Override
    public Integer call() {
        ExperimentConfig config = options.build();
        Dataset dataset = DatasetLoader.load(Path.of(config.dataset()));
        LoadReports.print(System.out, dataset);
        ExperimentRunner.preflight(config, dataset);
        SeedList group = seeds.resolve(config.seed());
        try (ShutdownCancel shutdown = new ShutdownCancel()) {
            if (group.isGroup()) return SeedCommands.run(config, group, out, shutdown.token, noReference);
            RunResult r = Experiments.run(config, dataset, out, new ConsoleProgress(System.out, ""), shutdown.token,
                    noReference ? Experiments.Reference.NONE : Experiments.Reference.TRAIN_WHEN_MISSING, force);
            if (name != null || !tags.isEmpty()) {
                new RunInfo(name == null ? RunInfo.defaultName(config, java.time.LocalDateTime.now()) : name, tags, "").write(out);
            }
            Tables.print(System.out, r);
            return ExitCodes.of(r.status());
        }
    }
}
