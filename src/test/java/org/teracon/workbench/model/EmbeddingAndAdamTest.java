package org.teracon.workbench.model;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EmbeddingAndAdamTest {

    @Test
    void lookupLaysRowsOutAsChannelsByPositions() {
        INDArray emb = Nd4j.create(new float[] {0, 0, 1, 2, 3, 4}, new long[] {3, 2}, 'c'); // item i = row i
        INDArray x = EmbeddingLookup.embed(emb, new int[][] {{0, 2, 1}});
        assertArrayEquals(new long[] {1, 2, 3}, x.shape());
        // channel 0 over positions: pad 0, item2 3, item1 1; channel 1: 0, 4, 2
        assertArrayEquals(new float[] {0, 3, 1, 0, 4, 2}, x.dup('c').data().asFloat(), 0f);
    }

    @Test
    void gradientIsScatterAddedPerItemAndNeverIntoPadding() {
        int[][] seqs = {{0, 1, 1}, {2, 1, 0}};
        // d loss / d x for [B=2, C=2, L=3], values chosen so every entry is distinguishable
        INDArray gx = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60}, new long[] {2, 2, 3}, 'c');
        float[] g = new float[3 * 2];
        EmbeddingLookup.accumulate(g, 2, seqs, gx);
        // item 1: user0 pos1 (2, 5) + user0 pos2 (3, 6) + user1 pos1 (20, 50) = (25, 61); item 2: user1 pos0 (10, 40)
        assertArrayEquals(new float[] {0, 0, 25, 61, 10, 40}, g, 0f);
    }

    @Test
    void adamFirstStepMovesEachWeightByTheLearningRateAgainstItsGradientSign() {
        INDArray w = Nd4j.create(new float[] {1f, -2f, 0.5f}, new long[] {3}, 'c');
        AdamOptimizer adam = new AdamOptimizer(0.1);
        adam.step("w", w, Nd4j.create(new float[] {0.3f, -4f, 0f}, new long[] {3}, 'c'));
        // step 1: m̂ = g, v̂ = g², update = lr·g/(|g| + eps) = lr·sign(g)
        assertArrayEquals(new float[] {0.9f, -1.9f, 0.5f}, w.data().asFloat(), 1e-6f);
        adam.step("w", w, Nd4j.create(new float[] {0.3f, 0f, 0f}, new long[] {3}, 'c'));
        // step 2 for w[0]: m = 0.9·0.03+0.03=0.057 → m̂ = 0.057/0.19 = 0.3; v̂ = 0.09 → update 0.1
        assertEquals(0.8f, w.getFloat(0), 1e-5f);
    }
}
