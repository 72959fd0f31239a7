package org.teracon.workbench.method.teracon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The reference's per-epoch annealing of s, by its defining properties rather than its formula. */
class SharpnessScheduleTest {

    @Test
    void startsAtOneOverSMaxRisesInEqualStepsAndStaysBelowSMax() {
        double sMax = 400;
        int batches = 24;
        assertEquals(1 / sMax, Teracon.sharpness(sMax, true, 0, batches), 1e-12, "first batch");
        double step = Teracon.sharpness(sMax, true, 1, batches) - Teracon.sharpness(sMax, true, 0, batches);
        assertTrue(step > 0);
        for (int b = 1; b < batches; b++) {
            double rise = Teracon.sharpness(sMax, true, b, batches) - Teracon.sharpness(sMax, true, b - 1, batches);
            assertEquals(step, rise, 1e-9, "equal steps at batch " + b);
        }
        // B equal steps from 1/s_max would land exactly on s_max one batch after the last
        assertEquals(sMax, Teracon.sharpness(sMax, true, batches - 1, batches) + step, 1e-9);
    }

    @Test
    void withoutAnnealingEveryBatchUsesSMax() {
        for (int b = 0; b < 5; b++) assertEquals(400, Teracon.sharpness(400, false, b, 5), 0);
    }
}
