package org.teracon.workbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The item-embedding lookup runs outside the SameDiff graph: in ND4J 1.0.0-M2.1 the gradient of
 * gather/embeddingLookup fails inside a trained graph (deeplearning4j issues #9756, #9669), so the
 * embedded sequence is fed as a placeholder and its gradient is scatter-added back into the rows here.
 */
public final class EmbeddingLookup {
    private EmbeddingLookup() {
    }

    /** [B, C, L] embedded sequences (NCW, the convolution layout). */
    public static INDArray embed(INDArray embedding, int[][] sequences) {
        int b = sequences.length;
        int l = sequences[0].length;
        int c = (int) embedding.columns();
        int[] ids = new int[b * l];
        for (int i = 0; i < b; i++) System.arraycopy(sequences[i], 0, ids, i * l, l);
        INDArray rows = Nd4j.pullRows(embedding, 1, ids);
        return rows.reshape('c', b, l, c).permute(0, 2, 1).dup('c');
    }

    /** Adds the gradient w.r.t. the embedded input [B, C, L] into {@code gradient} ([V·C], row-major). */
    public static void accumulate(float[] gradient, int channels, int[][] sequences, INDArray inputGradient) {
        int l = sequences[0].length;
        float[] g = inputGradient.dup('c').data().asFloat();
        for (int i = 0; i < sequences.length; i++) {
            for (int t = 0; t < l; t++) {
                int item = sequences[i][t];
                if (item == 0) continue; // padding row stays zero
                int base = item * channels;
                int src = i * channels * l + t;
                for (int ch = 0; ch < channels; ch++) gradient[base + ch] += g[src + ch * l];
            }
        }
    }
}
