package org.teracon.workbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.teracon.workbench.app.Experiments;
import org.teracon.workbench.app.StudyOutcome;
import org.teracon.workbench.app.StudyRequest;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.data.Task;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.GridStatus;
import org.teracon.workbench.experiment.NoisyTaskSpec;
import org.teracon.workbench.experiment.SeedList;
import org.teracon.workbench.experiment.Studies;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "study", mixinStandardHelpOptions = true,
        description = "The paper's studies: 'order' (original, reversed, N random orders), 'noisy' (without vs with a "
                + "noisy task: degradation ratio per task), 'sampling' (TERACON with rho_min, the equation, all users), "
                + "'relations' (TERACON on a generate-synthetic --planted dataset: Spearman rho between the planted relations "
                + "and the learned mask similarities, per seed).")
public class StudyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KIND", description = "order, noisy, sampling or relations")
    String kind;

    @Mixin
    ConfigOptions options;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(names = "--permutations", defaultValue = "2", description = "random orders in the order study (default ${DEFAULT-VALUE})")
    int permutations;

    @Option(names = "--noisy-position", paramLabel = "N", description = "position of the noisy task in the noisy study (default: the experiment's "
            + "noisy task's position, else 2)")
    Integer noisyPosition;

    @Mixin
    SeedsOption seeds;

    @Option(names = "--force", description = "replace runs already in --out (only their own files are removed)")
    boolean force;

    @Option(names = "--resume", description = "continue a study in --out: keep its completed runs, train the rest again")
    boolean resume;

    @Mixin
    GridFlags grid;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Studies.Kind k = java.util.Arrays.stream(Studies.Kind.values()).filter(x -> x.name().equalsIgnoreCase(kind)).findFirst()
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "unknown study '" + kind + "'; known: order, noisy, sampling, relations"));
        if (permutations < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--permutations must be >= 0, got " + permutations);
        // the sampling study runs TERACON whatever the config's method
        ExperimentConfig base = options.build(k == Studies.Kind.SAMPLING || k == Studies.Kind.RELATIONS ? List.of("teracon") : null);
        if (k == Studies.Kind.ORDER && base.taskOrder().isEmpty()) {
            base = base.withTaskOrder(DatasetLoader.load(Path.of(base.dataset())).tasks().stream().map(Task::name).toList());
        }
        StudyRequest request = k == Studies.Kind.NOISY ? noisyRequest(base) : new StudyRequest(k, base, permutations, null);
        SeedList group = seeds.resolve(base.seed());
        // the relations study runs its seeds itself: its table holds the per-seed correlations
        boolean relations = k == Studies.Kind.RELATIONS;
        BatchRunner.Options run = grid.options(false, force, resume);
        try (ShutdownCancel shutdown = new ShutdownCancel()) {
            if (!relations && group.isGroup()) {
                return SeedCommands.study(request, group, out, kind.toLowerCase(Locale.ROOT) + "-study", shutdown.token, run);
            }
            StudyOutcome o = relations
                    ? Experiments.relationsStudy(request, group.seeds(), out, new BatchProgress(System.out), shutdown.token, run)
                    : Experiments.study(request, out, new BatchProgress(System.out), shutdown.token, run);
            System.out.println(GridStatus.summary(o.results(), o.planned()));
            if (o.table() == null) {
                System.out.println(o.summary());
                return shutdown.token.isCancelled() ? ExitCodes.CANCELLED : ExitCodes.RUN_FAILED;
            }
            CompareCommand.write(out, kind.toLowerCase(Locale.ROOT) + "-study", o.table());
            return ExitCodes.OK;
        }
    }

    /**
     * The experiment's noisy task is the study's: the dataset's own when the order holds one (the study leaves
     * it out, then puts it back), else a generated one; at --noisy-position, else the experiment's position, else 2.
     * The console says which, so a study never silently uses another position than the experiment's.
     */
    private StudyRequest noisyRequest(ExperimentConfig base) {
        List<String> order = base.taskOrder().isEmpty()
                ? DatasetLoader.load(Path.of(base.dataset())).tasks().stream().map(Task::name).toList() : base.taskOrder();
        String own = DatasetLoader.load(Path.of(base.dataset())).tasks().stream().filter(t -> t.noisy() && order.contains(t.name()))
                .map(Task::name).findFirst().orElse(null);
        int experimentPosition = own != null ? order.indexOf(own) + 1 : base.noisyTask() != null ? base.noisyTask().position() : 0;
        int position = noisyPosition != null ? noisyPosition : experimentPosition > 0 ? experimentPosition : 2;
        String from = noisyPosition != null ? "--noisy-position" : experimentPosition > 0 ? "the experiment" : "the default";
        System.out.println("noisy-task study: " + (own != null ? "the dataset's own noisy task '" + own + "'" : "a generated noisy task")
                + " at position " + position + " (from " + from + ")");
        NoisyTaskSpec spec = new NoisyTaskSpec(position, options.noisyUsers, options.noisyClasses);
        return new StudyRequest(Studies.Kind.NOISY, base.withTaskOrder(order), permutations, spec, own);
    }
}
