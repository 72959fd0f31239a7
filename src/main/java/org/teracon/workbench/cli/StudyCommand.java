package org.teracon.workbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.data.Task;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.NoisyTaskSpec;
import org.teracon.workbench.experiment.ResultTable;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.Studies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "study", mixinStandardHelpOptions = true,
        description = "The paper's studies: 'order' (original, reversed, N random orders), 'noisy' (without vs with a "
                + "noisy task: degradation ratio per task), 'sampling' (TERACON with rho_min, the equation, all users).")
public class StudyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KIND", description = "order, noisy or sampling")
    String kind;

    @Mixin
    ConfigOptions options;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(names = "--permutations", defaultValue = "2", description = "random orders in the order study (default ${DEFAULT-VALUE})")
    int permutations;

    @Option(names = "--noisy-position", defaultValue = "2", description = "position of the noisy task in the noisy study (default ${DEFAULT-VALUE})")
    int noisyPosition;

    @Override
    public Integer call() {
        Studies.Kind k = Studies.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        // the sampling study runs TERACON whatever the config's method
        ExperimentConfig base = options.build(k == Studies.Kind.SAMPLING ? List.of("teracon") : null);
        List<BatchRunner.LabelledConfig> runs = switch (k) {
            case ORDER -> Studies.order(base, base.taskOrder().isEmpty()
                    ? DatasetLoader.load(Path.of(base.dataset())).tasks().stream().map(Task::name).toList() : base.taskOrder(), permutations);
            case NOISY -> Studies.noisy(base, new NoisyTaskSpec(noisyPosition, options.noisyUsers, options.noisyClasses));
            case SAMPLING -> Studies.sampling(base);
        };
        CancellationToken cancel = new CancellationToken();
        Runtime.getRuntime().addShutdownHook(new Thread(cancel::cancel));
        Map<String, RunResult> results = BatchRunner.run(runs, out, new BatchProgress(System.out), cancel, false);
        ResultTable table = switch (k) {
            case ORDER -> Studies.orderTable(results);
            case NOISY -> Studies.noisyTable(results.get("without-noise"), results.get("with-noise"));
            case SAMPLING -> Studies.samplingTable(results);
        };
        CompareCommand.write(out, kind.toLowerCase(java.util.Locale.ROOT) + "-study", table);
        return results.values().stream().allMatch(r -> r.status() == RunStatus.COMPLETED) && results.size() == runs.size() ? 0 : 1;
    }
}
