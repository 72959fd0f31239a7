package org.teracon.workbench.method;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.data.TaskKind;
import org.teracon.workbench.model.BackboneHooks;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.Optimizer;
import org.teracon.workbench.model.ParameterStore;
import org.teracon.workbench.model.Readouts;
import org.teracon.workbench.model.TcnEngine;
import org.teracon.workbench.model.Workspaces;

/**
 * The one training step every method runs: the current task's batch (and any groups a plugin stacks
 * below it) through one backbone pass, the task's own loss plus the plugins' terms, one backward pass,
 * the plugins' gradient work, a check that every gradient is finite, then Adam on the trainable
 * parameters. Everything a step allocates comes from a reused workspace. {@link StageTrainer} runs the
 * epochs around it.
 */
public final class TrainingCore {

    /** What one stage trains: which network, which parameters, with which plugins. */
    public record Stage(Network network, TaskData task, Predicate<String> trainable, List<StagePlugin> plugins,
                        DoubleSupplier validation, List<ParameterStore> snapshotScope, StageOptimizer optimizer,
                        ItemLoss itemLoss) {
        /** Adam with early stopping and softmax cross-entropy: every method's default. */
        public Stage(Network network, TaskData task, Predicate<String> trainable, List<StagePlugin> plugins,
                     DoubleSupplier validation, List<ParameterStore> snapshotScope) {
            this(network, task, trainable, plugins, validation, snapshotScope, StageOptimizer.ADAM, ItemLoss.SOFTMAX);
        }

        public Stage withOptimizer(StageOptimizer o) {
            return new Stage(network, task, trainable, plugins, validation, snapshotScope, o, itemLoss);
        }

        public Stage withItemLoss(ItemLoss l) {
            return new Stage(network, task, trainable, plugins, validation, snapshotScope, optimizer, l);
        }
    }

    private TrainingCore() {
    }

    public static StageTrainer.Outcome train(Stage stage, MethodEnvironment env) {
        TaskData task = stage.task();
        TaskData.UserLabels rows = task.byUser(task.split().train());
        StageOptimizer.Built built = stage.optimizer().build(env, task.stage());
        PopularityNegatives negatives = stage.itemLoss() == ItemLoss.BPR_POPULARITY && task.kind() == TaskKind.ITEM
                ? PopularityNegatives.of(rows.labels(), task.outputSize(), env.random()) : null;
        boolean backboneTrains = stage.network().params().names().stream()
                .anyMatch(n -> !n.startsWith("head") && stage.trainable().test(n));
        try {
            return fit(stage, env, task, rows, built, backboneTrains, negatives);
        } finally {
            built.optimizer().release(stage.network().params());
            stage.plugins().forEach(StagePlugin::afterStage);
            Workspaces.releaseAfterStage();
        }
    }

    private static StageTrainer.Outcome fit(Stage stage, MethodEnvironment env, TaskData task, TaskData.UserLabels rows,
                                            StageOptimizer.Built built, boolean backboneTrains, PopularityNegatives negatives) {
        Optimizer optimizer = built.optimizer();
        return StageTrainer.fit(task.stage(), rows.size(), batch -> {
            int[] users = usersOf(rows, batch.rows());
            int[][] labels = new int[users.length][];
            for (int i = 0; i < users.length; i++) labels[i] = rows.labels()[batch.rows()[i]];
            StepContext step = new StepContext(task, users, labels, batch.index(), batch.count(),
                    b -> usersOf(rows, batch.rowsOfBatch().apply(b)));
            return run(stage, step, optimizer, backboneTrains, negatives);
        }, stage.validation(), stage.snapshotScope(), env, epoch -> stage.plugins().forEach(p -> p.afterEpoch(epoch)), built.stopRule(),
                parts(optimizer, stage.plugins()));
    }

    private static int[] usersOf(TaskData.UserLabels rows, int[] batchRows) {
        int[] users = new int[batchRows.length];
        for (int i = 0; i < batchRows.length; i++) users[i] = rows.users()[batchRows[i]];
        return users;
    }

    /** The optimiser and every plugin, as the parts an epoch checkpoint saves beside the parameters. */
    static List<Checkpointer.Part> parts(Optimizer optimizer, List<StagePlugin> plugins) {
        List<Checkpointer.Part> parts = new java.util.ArrayList<>();
        parts.add(part(optimizer::state, optimizer::restore));
        for (StagePlugin p : plugins) parts.add(part(p::state, p::restore));
        return parts;
    }

    private static Checkpointer.Part part(java.util.function.Supplier<java.io.Serializable> state,
                                          java.util.function.Consumer<java.io.Serializable> restore) {
        return new Checkpointer.Part() {
            @Override
            public java.io.Serializable state() {
                return state.get();
            }

            @Override
            public void restore(java.io.Serializable s) {
                restore.accept(s);
            }
        };
    }

    static Map<LossTerm, Double> run(Stage stage, StepContext step, Optimizer optimizer, boolean backboneTrains) {
        return run(stage, step, optimizer, backboneTrains, null);
    }

    static Map<LossTerm, Double> run(Stage stage, StepContext step, Optimizer optimizer, boolean backboneTrains,
                                     PopularityNegatives negatives) {
        try (var ignored = Workspaces.step()) {
            try {
                return runInWorkspace(stage, step, optimizer, backboneTrains, negatives);
            } finally {
                try {
                    step.awaitBeside(); // nothing may still write into the workspace once it closes
                } catch (RuntimeException suppressed) {
                    // only a failed step gets here with work still pending: its own failure is the one to report
                }
            }
        }
    }

    private static Map<LossTerm, Double> runInWorkspace(Stage stage, StepContext step, Optimizer optimizer, boolean backboneTrains,
                                                        PopularityNegatives negatives) {
        Network net = stage.network();
        stage.plugins().forEach(p -> p.beforeForward(step));
        TcnEngine.Pass pass = net.forward(step.sequences(), step.hooks());
        INDArray dHidden = net.zeroHiddenGradient(pass);
        Gradients gradients = new Gradients(stage.trainable());
        for (StagePlugin p : stage.plugins()) p.afterForward(step, pass, dHidden);
        step.loss(LossTerm.CLASS, taskLoss(net, step, pass, dHidden, gradients, negatives), 1);
        for (StagePlugin p : stage.plugins()) p.addLosses(step, pass, dHidden, gradients);
        Optimizer.Early early = optimizer.startEarly(net.params(), gradients.asMap(), step.finalGradients());
        boolean committed = false;
        try {
            if (backboneTrains) net.backward(pass, dHidden, gradients);
            step.awaitBeside();
            for (StagePlugin p : stage.plugins()) p.afterBackward(step, gradients);
            Map<LossTerm, Double> losses = new EnumMap<>(step.losses());
            losses.put(LossTerm.TOTAL, step.total());
            if (!finite(gradients, early.names()) || !early.finite()) {
                losses.put(LossTerm.TOTAL, Double.NaN); // the reference also skips such steps
                return losses;
            }
            Map<String, INDArray> rest = gradients.asMap();
            if (!early.names().isEmpty()) {
                rest = new java.util.LinkedHashMap<>(rest);
                rest.keySet().removeAll(early.names());
            }
            optimizer.stepAll(net.params(), rest);
            early.commit();
            committed = true;
            for (StagePlugin p : stage.plugins()) p.afterUpdate(step);
            return losses;
        } finally {
            if (!committed) early.discard();
        }
    }

    /**
     * The task's training loss (the same term a step minimises) on held-out instances, one row per user,
     * under fresh {@code hooks} per batch (hooks may cache arrays of the batch's workspace) and without any update: hat.py picks its epoch and lowers its learning rate on
     * this rather than on a ranking metric. Mean over users, batches weighted by their size.
     */
    public static double heldOutLoss(Network net, TaskData task, int[] instances, java.util.function.Supplier<BackboneHooks> hooks,
                                     int batchSize) {
        TaskData.UserLabels rows = task.byUser(instances);
        if (rows.size() == 0) return Double.NaN;
        double sum = 0;
        for (int from = 0; from < rows.size(); from += batchSize) {
            int to = Math.min(rows.size(), from + batchSize);
            StepContext step = new StepContext(task, java.util.Arrays.copyOfRange(rows.users(), from, to),
                    java.util.Arrays.copyOfRange(rows.labels(), from, to), 0, 1);
            try (var ignored = Workspaces.step()) {
                TcnEngine.Pass pass = net.forward(step.sequences(), hooks.get());
                sum += (to - from) * taskLoss(net, step, pass, net.zeroHiddenGradient(pass), new Gradients(n -> false), null);
            }
        }
        return sum / rows.size();
    }

    /**
     * Gradients up to this many values are checked together (TERACON's masks, MLPs and biases: dozens of them);
     * a larger one is summed on its own, which libnd4j does ~3× faster on a contiguous array than on a strided view.
     */
    public static final long SMALL_GRADIENT = 1 << 16;

    /**
     * Any NaN or infinity makes a sum non-finite: one reduction per large gradient, and one over all the
     * small ones flattened together, since each reduction costs an ND4J call (~30 µs) however small.
     */
    static boolean finite(Gradients gradients) {
        return finite(gradients, java.util.Set.of());
    }

    /** As {@link #finite(Gradients)}, leaving out gradients that were checked already (an early update's). */
    static boolean finite(Gradients gradients, java.util.Set<String> checked) {
        List<INDArray> small = new ArrayList<>();
        for (var e : gradients.asMap().entrySet()) {
            if (checked.contains(e.getKey())) continue;
            INDArray g = e.getValue();
            if (g.length() <= SMALL_GRADIENT) small.add(g);
            else if (!Double.isFinite(g.sumNumber().doubleValue())) return false;
        }
        return small.isEmpty() || Double.isFinite(Nd4j.toFlattened(small).sumNumber().doubleValue());
    }

    /**
     * The current task's loss on group 0: next-item cross-entropy at every position whose next item is
     * not padding, or the users' label cross-entropy at the user vector.
     */
    static double taskLoss(Network net, StepContext step, TcnEngine.Pass pass, INDArray dHidden, Gradients gradients,
                           PopularityNegatives negatives) {
        TaskData task = step.task();
        int l = pass.length();
        StepContext.Group g = step.currentGroup();
        INDArray rows = rowsOf(pass.hidden(), g, l);
        INDArray dRows = rowsOf(dHidden, g, l);
        String head = Network.headName(task.stage());
        if (task.kind() == TaskKind.NEXT_ITEM) {
            return Readouts.sparseCrossEntropy(net.params(), head, rows, nextItemTargets(step.currentSequences()), dRows, gradients);
        }
        int position = l - 1;
        INDArray users = TcnEngine.at(rows, g.count(), l, position);
        INDArray dUsers = users.ulike().assign(0);
        double loss = negatives != null
                ? negatives.bprLoss(net.params(), head, users, step.labels(), dUsers, gradients)
                : Readouts.softCrossEntropy(net.params(), head, users, Targets.labels(step.labels(), task.outputSize()), dUsers, gradients);
        TcnEngine.addAt(dRows, g.count(), l, position, dUsers);
        return loss;
    }

    /** The rows of a group's sequences in a [sequences·L, C] matrix (a view). */
    public static INDArray rowsOf(INDArray matrix, StepContext.Group g, int length) {
        return matrix.get(org.nd4j.linalg.indexing.NDArrayIndex.interval((long) g.first() * length, (long) (g.first() + g.count()) * length),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
    }

    /** Row (i, t) predicts the item at t+1; −1 where that is padding or past the end. */
    public static int[] nextItemTargets(int[][] sequences) {
        int l = sequences[0].length;
        int[] t = new int[sequences.length * l];
        for (int i = 0; i < sequences.length; i++) {
            for (int p = 0; p < l; p++) {
                int next = p + 1 < l ? sequences[i][p + 1] : 0;
                t[i * l + p] = next == 0 ? -1 : next;
            }
        }
        return t;
    }
}
