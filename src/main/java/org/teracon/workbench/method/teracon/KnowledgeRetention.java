package org.teracon.workbench.method.teracon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.Readouts;
import org.teracon.workbench.model.TcnEngine;
import org.teracon.workbench.model.Workspaces;
import org.teracon.workbench.method.StepContext;
import org.teracon.workbench.method.TrainingCore;

/**
 * TERACON's knowledge retention L_KR+: for each old task j, the live model's logits under j's mask are
 * pulled (MSE on raw logits) to pseudo-labels ỹ^{Tj} that the frozen previous model gave the same
 * users, on a random ρ_j share of each batch, each term weighted ρ_j / Σρ.
 */
final class KnowledgeRetention {

    /**
     * The frozen previous model's outputs on the current task's training users and its masks. They do
     * not change while T_i trains, so they are computed once, before T_i changes the model's
     * structure, at evaluation sharpness s_max.
     */
    record PseudoLabels(Map<Integer, INDArray> logits, Map<Integer, float[][]> masks, Map<Integer, Integer> rowOfUser) {

        static PseudoLabels capture(ContinualMethod frozen, List<TaskData> old, Map<String, float[][]> masksByName,
                                    int[] users, int batchSize) {
            try (var ignored = Workspaces.outside()) {
                return captureOutside(frozen, old, masksByName, users, batchSize);
            }
        }

        private static PseudoLabels captureOutside(ContinualMethod frozen, List<TaskData> old, Map<String, float[][]> masksByName,
                                                   int[] users, int batchSize) {
            Map<Integer, INDArray> logits = new HashMap<>();
            Map<Integer, float[][]> masks = new HashMap<>();
            Map<Integer, Integer> rowOf = new HashMap<>();
            for (int r = 0; r < users.length; r++) rowOf.put(users[r], r);
            for (TaskData task : old) {
                List<INDArray> parts = new ArrayList<>();
                for (int from = 0; from < users.length; from += batchSize) {
                    int[] chunk = Arrays.copyOfRange(users, from, Math.min(users.length, from + batchSize));
                    parts.add(frozen.predict(task.stage(), task.sequencesOf(chunk)));
                }
                logits.put(task.stage(), Nd4j.vstack(parts.toArray(new INDArray[0])));
                masks.put(task.stage(), masksByName.get(task.name()));
            }
            return new PseudoLabels(logits, masks, rowOf);
        }
    }

    private final PseudoLabels pseudoLabels;
    private final List<TaskData> old;

    KnowledgeRetention(PseudoLabels pseudoLabels, List<TaskData> old) {
        this.pseudoLabels = pseudoLabels;
        this.old = List.copyOf(old);
    }

    PseudoLabels pseudoLabels() {
        return pseudoLabels;
    }

    /** One old task's share of a batch: the sampled users' group in the stacked pass and their targets. */
    record Share(TaskData task, StepContext.Group group, INDArray pseudoLabels, INDArray weights) {
    }

    /**
     * Samples each old task j's share ρ_j of the batch's users (at least one) and stacks their
     * sequences below the batch as group j; the weights carry ρ_j / Σρ and the mean over users and
     * classes.
     */
    List<Share> sample(StepContext step, Map<Integer, Double> rho, Random rnd) {
        int[] users = step.users();
        double rhoSum = rho.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Share> shares = new ArrayList<>();
        for (TaskData task : old) {
            int j = task.stage();
            double rate = rho.get(j);
            int count = Math.max(1, Math.min(users.length, (int) Math.round(rate * users.length)));
            int[] pick = sample(users.length, count, rnd);
            int[] picked = new int[count];
            int[] rows = new int[count];
            for (int i = 0; i < count; i++) {
                picked[i] = users[pick[i]];
                rows[i] = pseudoLabels.rowOfUser().get(picked[i]);
            }
            StepContext.Group group = step.addGroup(step.task().sequencesOf(picked));
            INDArray y = Nd4j.pullRows(pseudoLabels.logits().get(j), 1, rows);
            double w = rate / rhoSum / ((double) count * y.columns()); // mean over users and classes
            shares.add(new Share(task, group, y, Nd4j.valueArrayOf(new long[] {count, 1}, w, y.dataType())));
        }
        return shares;
    }

    /** Σ_j Σ_u w_j(u)·‖z_j(u) − ỹ_j(u)‖², each z_j read from group j's rows under task j's mask. */
    static double loss(Network net, List<Share> shares, TcnEngine.Pass pass, INDArray dHidden, Gradients gradients) {
        int l = pass.length();
        double kr = 0;
        for (Share share : shares) {
            INDArray rows = TrainingCore.rowsOf(pass.hidden(), share.group(), l);
            INDArray dRows = TrainingCore.rowsOf(dHidden, share.group(), l);
            int position = net.readoutPosition(share.task().kind());
            INDArray users = TcnEngine.at(rows, share.group().count(), l, position);
            INDArray dUsers = users.ulike().assign(0);
            kr += Readouts.weightedSquaredError(net.params(), Network.headName(share.task().stage()), users, share.pseudoLabels(),
                    share.weights(), dUsers, gradients);
            TcnEngine.addAt(dRows, share.group().count(), l, position, dUsers);
        }
        return kr;
    }

    /** {@code count} distinct indices of 0..n-1 (a partial Fisher–Yates shuffle). */
    static int[] sample(int n, int count, Random rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = 0; i < count; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return Arrays.copyOf(a, count);
    }
}
