package org.teracon.workbench.method;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Target matrices for the soft-target cross-entropy: each labelled row holds 1/n at its label(s), where
 * n counts all labels in the batch, so the loss is the mean negative log-likelihood per instance.
 */
public final class Targets {
    private Targets() {
    }

    /**
     * Next-item targets [B·L, V]: position t predicts the item at t+1; positions whose next item is
     * padding, and the last position, carry no target (the reference also scored padding; we do not).
     */
    public static INDArray nextItem(int[][] sequences, int vocabularySize) {
        int b = sequences.length;
        int l = sequences[0].length;
        int count = 0;
        for (int[] s : sequences) for (int t = 0; t < l - 1; t++) if (s[t + 1] != 0) count++;
        float[] v = new float[b * l * vocabularySize];
        float w = count == 0 ? 0f : 1f / count;
        for (int i = 0; i < b; i++) {
            for (int t = 0; t < l - 1; t++) {
                int next = sequences[i][t + 1];
                if (next != 0) v[(i * l + t) * vocabularySize + next] = w;
            }
        }
        return Nd4j.create(v, new long[] {(long) b * l, vocabularySize}, 'c');
    }

    /** Label targets [B, K] for users with one or more labels each. */
    public static INDArray labels(int[][] labelsPerUser, int classes) {
        int b = labelsPerUser.length;
        int count = 0;
        for (int[] l : labelsPerUser) count += l.length;
        float[] v = new float[b * classes];
        float w = count == 0 ? 0f : 1f / count;
        for (int i = 0; i < b; i++) for (int label : labelsPerUser[i]) v[i * classes + label] += w;
        return Nd4j.create(v, new long[] {b, classes}, 'c');
    }
}
