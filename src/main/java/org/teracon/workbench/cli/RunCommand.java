package org.teracon.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.teracon.workbench.app.Experiments;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.experiment.ExperimentRunner;
import org.teracon.workbench.experiment.BatchRunner;
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

    @Option(names = "--out", paramLabel = "DIR", description = "run folder to write (required unless --resume)")
    Path out;

    /** "" (the flag without DIR) continues a seed group in --out, as compare and study's --resume do. */
    @Option(names = "--resume", paramLabel = "DIR", arity = "0..1", fallbackValue = "",
            description = "continue the cancelled, killed or failed run in DIR from its last checkpoint (its experiment.json says "
                    + "what to train; other experiment flags are not allowed); without DIR, with --seeds N and the group's flags: "
                    + "continue the seed group in --out, keeping its completed runs and training the rest again")
    String resume;

    @Option(names = "--keep-checkpoints", paramLabel = "last|all", defaultValue = "last",
            description = "after a completed run keep the last stage's checkpoint (default) or all of them")
    String keepCheckpoints;

    @Mixin
    SeedsOption seeds;

    @Mixin
    GridFlags grid;

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
        if (!keepCheckpoints.equals("last") && !keepCheckpoints.equals("all")) {
            throw new IllegalArgumentException("--keep-checkpoints takes last or all, not '" + keepCheckpoints + "'");
        }
        boolean resumeGroup = "".equals(resume);
        if (resume != null && !resumeGroup) return resume(Path.of(resume));
        if (out == null) throw new IllegalArgumentException("run needs --out DIR (or --resume DIR)");
        ExperimentConfig config = options.build();
        Dataset dataset = DatasetLoader.load(Path.of(config.dataset()));
        LoadReports.print(System.out, dataset);
        ExperimentRunner.preflight(config, dataset);
        SeedList group = seeds.resolve(config.seed());
        if (grid.spark() && !group.isGroup()) throw new IllegalArgumentException("--spark trains a grid: give run --seeds N (or use compare / study)");
        if (resumeGroup && !group.isGroup()) throw new IllegalArgumentException("--resume without DIR continues a seed group in --out: "
                + "give --seeds N (or --resume DIR for one run)");
        // a group resumes as a grid (here, or on Spark with --spark): completed runs are kept, as compare --resume keeps them
        BatchRunner.Options gridOptions = grid.spark() || resumeGroup ? grid.options(!noReference, force, resumeGroup) : null;
        try (ShutdownCancel shutdown = new ShutdownCancel()) {
            if (group.isGroup() && gridOptions != null) return SeedCommands.runGrid(config, group, out, shutdown.token, gridOptions);
            if (group.isGroup()) return SeedCommands.run(config, group, out, shutdown.token, noReference);
            RunResult r = Experiments.run(config, dataset, out, new ConsoleProgress(System.out, ""), shutdown.token,
                    noReference ? Experiments.Reference.NONE : Experiments.Reference.TRAIN_WHEN_MISSING, force, keepCheckpoints.equals("all"));
            if (name != null || !tags.isEmpty()) {
                new RunInfo(name == null ? RunInfo.defaultName(config, java.time.LocalDateTime.now()) : name, tags, "").write(out);
            }
            Tables.print(System.out, r);
            return ExitCodes.of(r.status());
        }
    }

    private Integer resume(Path resume) {
        if (out != null || force || name != null || !tags.isEmpty()) {
            throw new IllegalArgumentException("--resume continues the run as its experiment.json says: drop --out, --force, --name and --tag");
        }
        try (ShutdownCancel shutdown = new ShutdownCancel()) {
            RunResult r = Experiments.resume(resume, new ConsoleProgress(System.out, ""), shutdown.token,
                    noReference ? Experiments.Reference.NONE : Experiments.Reference.TRAIN_WHEN_MISSING, keepCheckpoints.equals("all"));
            Tables.print(System.out, r);
            return ExitCodes.of(r.status());
        }
    }
}
