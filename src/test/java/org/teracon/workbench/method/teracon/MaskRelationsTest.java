package org.teracon.workbench.method.teracon;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class MaskRelationsTest {

    @Test
    void cosineOfHandPickedVectors() {
        assertEquals(1.0, MaskRelations.cosine(new float[] {1, 2, 2}, new float[] {2, 4, 4}), 1e-9);
        assertEquals(0.0, MaskRelations.cosine(new float[] {1, 0}, new float[] {0, 1}), 1e-9);
        // (1*2 + 2*1) / (sqrt(5) * sqrt(5)) = 0.8
        assertEquals(0.8, MaskRelations.cosine(new float[] {1, 2}, new float[] {2, 1}), 1e-7);
    }

    @Test
    void samplingRateIsOneMinusMeanSigmoidOfScaledCosines() {
        float[][] current = {{1, 2}, {1, 0}};
        float[][] old = {{2, 1}, {0, 1}};
        // layer cosines 0.8 and 0; rho = 1 - (σ(6·0.8) + σ(0)) / 2
        double expected = 1 - (1 / (1 + Math.exp(-4.8)) + 0.5) / 2;
        assertEquals(expected, MaskRelations.samplingRate(current, old, 6), 1e-9);
        assertEquals(0.2541, expected, 1e-4);
    }

    @Test
    void identicalMasksGiveTheSmallestRateAndPositiveMasksCapItAtOneHalf() {
        float[][] m = {{0.9f, 0.1f, 0.5f}};
        assertEquals(1 - 1 / (1 + Math.exp(-6)), MaskRelations.samplingRate(m, m, 6), 1e-7);
        float[][] a = {{1, 0}};
        float[][] b = {{0, 1}};
        assertEquals(0.5, MaskRelations.samplingRate(a, b, 6), 1e-12);
    }
}
