package org.teracon.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.teracon.workbench.app.Experiments;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
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

    @Override
    public Integer call() {
        ExperimentConfig config = options.build();
        SeedList group = seeds.resolve(config.seed());
        CancellationToken cancel = new CancellationToken();
        Runtime.getRuntime().addShutdownHook(new Thread(cancel::cancel));
        if (group.isGroup()) return SeedCommands.run(config, group, out, cancel, noReference);
        RunResult r = Experiments.run(config, out, new ConsoleProgress(System.out, ""), cancel,
                noReference ? Experiments.Reference.NONE : Experiments.Reference.TRAIN_WHEN_MISSING);
        Tables.print(System.out, r);
        return r.status() == RunStatus.COMPLETED ? 0 : 1;
    }
}
