package org.teracon.workbench.method.teracon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.method.StepContext;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.TrainingCore;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.Readouts;
import org.teracon.workbench.model.TcnEngine;

/**
 * TERACON's knowledge retention L_KR+: for each old task j, the live model's logits under j's mask are
 * pulled (MSE on raw logits) to the pseudo-labels ỹ^{Tj} that the frozen copy of the model after the
 * previous task gives the same users under its own task-j mask, on a random ρ_j share of each batch,
 * each term weighted ρ_j / Σρ. As in the reference, teacher and student read each batch at the same
 * annealed s, so at a stage's first step (student = teacher) the term is zero with plain masks.
 */
final class KnowledgeRetention {
    private final Network teacher;
    private final List<TaskData> old;
    private final boolean relationAware;

    /** {@code teacher}: a copy of the model taken before the new task changed it; {@code old}: its tasks. */
    KnowledgeRetention(Network teacher, List<TaskData> old, boolean relationAware) {
        this.teacher = teacher;
        this.old = List.copyOf(old);
        this.relationAware = relationAware;
    }

    /** One old task's share of a batch: the sampled users' group in the stacked pass and its weights. */
    record Share(TaskData task, StepContext.Group group, int[][] sequences, INDArray weights) {
    }

    /** The frozen model's masks of every old task at sharpness s (the m̃ of the sampling-rate equation). */
    TaskMasks teacherMasks(double s) {
        return new TaskMasks(teacher.params(), old.size(), relationAware, s);
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
            double rate = rho.get(task.stage());
            int count = Math.max(1, Math.min(users.length, (int) Math.round(rate * users.length)));
            int[] pick = sample(users.length, count, rnd);
            int[] picked = new int[count];
            for (int i = 0; i < count; i++) picked[i] = users[pick[i]];
            int[][] sequences = step.task().sequencesOf(picked);
            StepContext.Group group = step.addGroup(sequences);
            double w = rate / rhoSum / ((double) count * task.outputSize()); // mean over users and classes
            shares.add(new Share(task, group, sequences, Nd4j.valueArrayOf(new long[] {count, 1}, w, teacher.params().get("emb").dataType())));
        }
        return shares;
    }

    /** The teacher's logits of every share at sharpness s, from one stacked forward pass. */
    List<INDArray> pseudoLabels(List<Share> shares, TaskMasks teacherMasks) {
        List<int[]> stacked = new ArrayList<>();
        List<StepContext.Group> groups = new ArrayList<>();
        int[] taskOfGroup = new int[shares.size()];
        for (int g = 0; g < shares.size(); g++) {
            groups.add(new StepContext.Group(stacked.size(), shares.get(g).sequences().length));
            stacked.addAll(Arrays.asList(shares.get(g).sequences()));
            taskOfGroup[g] = shares.get(g).task().stage();
        }
        GroupMasks hooks = new GroupMasks(teacherMasks, taskOfGroup, groups, teacher.config().maskedLayers(), teacher.config().channels());
        TcnEngine.Pass pass = teacher.forward(stacked.toArray(new int[0][]), hooks);
        List<INDArray> labels = new ArrayList<>();
        for (int g = 0; g < shares.size(); g++) {
            Share share = shares.get(g);
            INDArray rows = TrainingCore.rowsOf(pass.hidden(), groups.get(g), pass.length());
            INDArray users = TcnEngine.at(rows, groups.get(g).count(), pass.length(), teacher.readoutPosition(share.task().kind()));
            labels.add(Readouts.logits(teacher.params(), Network.headName(share.task().stage()), users));
        }
        return labels;
    }

    /** Σ_j Σ_u w_j(u)·‖z_j(u) − ỹ_j(u)‖², each z_j read from group j's rows of the live pass. */
    static double loss(Network net, List<Share> shares, List<INDArray> pseudoLabels, TcnEngine.Pass pass, INDArray dHidden,
                       Gradients gradients) {
        int l = pass.length();
        double kr = 0;
        for (int g = 0; g < shares.size(); g++) {
            Share share = shares.get(g);
            INDArray rows = TrainingCore.rowsOf(pass.hidden(), share.group(), l);
            INDArray dRows = TrainingCore.rowsOf(dHidden, share.group(), l);
            int position = net.readoutPosition(share.task().kind());
            INDArray users = TcnEngine.at(rows, share.group().count(), l, position);
            INDArray dUsers = users.ulike().assign(0);
            kr += Readouts.weightedSquaredError(net.params(), Network.headName(share.task().stage()), users, pseudoLabels.get(g),
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
