package org.teracon.workbench.method.teracon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.model.EmbeddingLookup;
import org.teracon.workbench.model.GraphVariables;
import org.teracon.workbench.model.Network;

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

    /** Adds Σ_j Σ_u w_j(u) · ‖z_j(u) − ỹ_j(u)‖² to the graph; the weights w_j carry ρ_j / Σρ and the means. */
    SDVariable buildLoss(GraphVariables v, Network net, SDVariable s, int learnedTasks, boolean relationAware, int sequenceLength) {
        SameDiff sd = v.sd();
        int c = net.config().channels();
        SDVariable kr = null;
        for (TaskData task : old) {
            int j = task.stage();
            SDVariable x = sd.placeHolder(input(j), DataType.FLOAT, -1, c, sequenceLength);
            SDVariable target = sd.placeHolder(pseudoLabel(j), DataType.FLOAT, -1, task.outputSize());
            SDVariable weight = sd.placeHolder(weight(j), DataType.FLOAT, -1, 1);
            SDVariable student = net.predictionLogits(v, x, task.kind(), j, TaskMasks.hooks(v, s, j, learnedTasks, relationAware, c));
            SDVariable diff = student.sub(target);
            SDVariable term = sd.sum(diff.mul(diff).mul(weight));
            kr = kr == null ? term : kr.add(term);
        }
        return kr;
    }

    /** Samples each old task's share of the batch and fills its placeholders. */
    void feed(Map<String, INDArray> placeholders, Map<String, int[][]> embedded, int[] users, TaskData current,
              INDArray embedding, Map<Integer, Double> rho, Random rnd) {
        double rhoSum = rho.values().stream().mapToDouble(Double::doubleValue).sum();
        for (var entry : rho.entrySet()) {
            int j = entry.getKey();
            int count = Math.max(1, Math.min(users.length, (int) Math.round(entry.getValue() * users.length)));
            int[] pick = sample(users.length, count, rnd);
            int[] picked = new int[count];
            int[] rows = new int[count];
            for (int i = 0; i < count; i++) {
                picked[i] = users[pick[i]];
                rows[i] = pseudoLabels.rowOfUser().get(picked[i]);
            }
            int[][] seqs = current.sequencesOf(picked);
            placeholders.put(input(j), EmbeddingLookup.embed(embedding, seqs));
            embedded.put(input(j), seqs);
            INDArray y = Nd4j.pullRows(pseudoLabels.logits().get(j), 1, rows);
            placeholders.put(pseudoLabel(j), y);
            double w = entry.getValue() / rhoSum / ((double) count * y.columns()); // mean over users and classes
            placeholders.put(weight(j), Nd4j.valueArrayOf(new long[] {count, 1}, (float) w));
        }
    }

    private static String input(int j) {
        return "x.kr" + j;
    }

    private static String pseudoLabel(int j) {
        return "pseudo" + j;
    }

    private static String weight(int j) {
        return "w.kr" + j;
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
