package org.teracon.workbench.method;

import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.model.ParameterStore;
import org.teracon.workbench.model.Readouts;

/**
 * Negatives for BPR drawn in proportion to each label's frequency among the task's training labels
 * (CONURE's popularity sampling); a draw that is one of the user's own labels is redrawn (at most
 * {@value #REDRAWS} times, then kept).
 */
public final class PopularityNegatives {
    static final int REDRAWS = 20;
    private final double[] cumulative;
    private final Random random;

    PopularityNegatives(double[] cumulative, Random random) {
        this.cumulative = cumulative;
        this.random = random;
    }

    /** Counts every label of every training row (+1 per class, so no class has zero probability). */
    public static PopularityNegatives of(int[][] labels, int classes, Random random) {
        double[] counts = new double[classes];
        Arrays.fill(counts, 1);
        for (int[] row : labels) for (int l : row) counts[l]++;
        for (int i = 1; i < classes; i++) counts[i] += counts[i - 1];
        return new PopularityNegatives(counts, random);
    }

    public int draw(int[] positives) {
        int n = 0;
        for (int attempt = 0; attempt <= REDRAWS; attempt++) {
            double u = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, u);
            n = i >= 0 ? Math.min(i + 1, cumulative.length - 1) : -i - 1;
            boolean own = false;
            for (int p : positives) own |= p == n;
            if (!own) return n;
        }
        return n;
    }

    /** BPR over (user, positive, sampled negative) pairs: one pair per label of each row. */
    public double bprLoss(ParameterStore p, String head, INDArray users, int[][] labels, INDArray dUsers, Gradients gradients) {
        int pairs = 0;
        for (int[] row : labels) pairs += row.length;
        int[] rowOf = new int[pairs];
        int[] pos = new int[pairs];
        int[] neg = new int[pairs];
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int l : labels[i]) {
                rowOf[k] = i;
                pos[k] = l;
                neg[k] = draw(labels[i]);
                k++;
            }
        }
        return Readouts.bpr(p, head, users, rowOf, pos, neg, dUsers, gradients);
    }
}
