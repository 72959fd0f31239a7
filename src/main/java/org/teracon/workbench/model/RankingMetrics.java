package org.teracon.workbench.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Full-ranking metrics. A label's rank is 1 + the number of other candidates scored at least as high
 * (ties count against the label, so a model that scores everything alike earns nothing).
 */
public final class RankingMetrics {
    public static final String MRR5 = "MRR@5";
    public static final String ACCURACY = "accuracy";

    private RankingMetrics() {
    }

    /** 1-based rank of {@code label} among candidates {@code firstCandidate..scores.length-1}. */
    public static int rank(float[] scores, int label, int firstCandidate) {
        float target = scores[label];
        int rank = 1;
        for (int i = firstCandidate; i < scores.length; i++) {
            if (i != label && scores[i] >= target) rank++;
        }
        return rank;
    }

    public static double reciprocalRankAt(int rank, int k) {
        return rank <= k ? 1.0 / rank : 0.0;
    }

    public static double ndcgAt(int rank, int k) {
        return rank <= k ? 1.0 / (Math.log(rank + 1) / Math.log(2)) : 0.0;
    }

    /** MRR, HR and NDCG at 5 and 20, and accuracy (= HR@1), averaged over the ranks. */
    public static Map<String, Double> summarize(int[] ranks) {
        Map<String, Double> m = new LinkedHashMap<>();
        int n = ranks.length;
        double[] sums = new double[7];
        for (int r : ranks) {
            sums[0] += reciprocalRankAt(r, 5);
            sums[1] += r <= 5 ? 1 : 0;
            sums[2] += ndcgAt(r, 5);
            sums[3] += reciprocalRankAt(r, 20);
            sums[4] += r <= 20 ? 1 : 0;
            sums[5] += ndcgAt(r, 20);
            sums[6] += r == 1 ? 1 : 0;
        }
        String[] names = {MRR5, "HR@5", "NDCG@5", "MRR@20", "HR@20", "NDCG@20", ACCURACY};
        for (int i = 0; i < names.length; i++) m.put(names[i], n == 0 ? Double.NaN : sums[i] / n);
        m.put("instances", (double) n);
        return m;
    }
}
