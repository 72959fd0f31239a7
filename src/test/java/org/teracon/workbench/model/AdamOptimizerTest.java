package org.teracon.workbench.model;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamOptimizerTest {

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
