package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StudiesTest {

    @Test
    void degradationIsPositiveWhenTheNoisyTaskHurts() {
        assertEquals(25.0, Studies.degradationPercent(0.4, 0.3), 1e-12);
        assertEquals(-50.0, Studies.degradationPercent(0.2, 0.3), 1e-12);
    }

    @Test
    void theDatasetsOwnNoisyTaskIsLeftOutThenPutBackAtThePosition() {
        ExperimentConfig base = ExperimentConfig.defaults("data").withTaskOrder(List.of("t1", "a", "noise", "b"))
                .withNoisyTask(new NoisyTaskSpec(2, 0.5, 50));
        List<BatchRunner.LabelledConfig> plan = Studies.noisyDatasetTask(base, "noise", 4);
        assertEquals(List.of("t1", "a", "b"), plan.get(0).config().taskOrder());
        assertEquals(List.of("t1", "a", "b", "noise"), plan.get(1).config().taskOrder());
        assertNull(plan.get(1).config().noisyTask(), "no generated noisy task beside the dataset's own");
        assertThrows(IllegalArgumentException.class, () -> Studies.noisyDatasetTask(base, "noise", 1), "T1 stays first");
        assertThrows(IllegalArgumentException.class, () -> Studies.noisyDatasetTask(base, "other", 2));
    }
}
