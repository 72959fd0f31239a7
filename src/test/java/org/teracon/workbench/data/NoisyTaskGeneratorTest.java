package org.teracon.workbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NoisyTaskGeneratorTest {

    @Test
    void halfTheUsersFiftyClassesSeeded() {
        Dataset ds = SyntheticDatasetGenerator.generate(SyntheticSpec.defaults().withSize(400, 60), 1);
        Task t = NoisyTaskGenerator.generate(ds, 0.5, 50, 9, "noisy");
        assertEquals("noisy", t.name());
        assertTrue(t.noisy());
        assertEquals(TaskKind.CLASSIFICATION, t.kind());
        assertEquals(50, t.numClasses());
        assertEquals(200, t.numInstances());
        assertEquals(200, t.numUsers(), "one label per sampled user");
        assertTrue(Arrays.stream(t.labels()).allMatch(l -> l >= 0 && l < 50));
        assertTrue(Arrays.stream(t.labels()).distinct().count() > 35, "labels spread over the classes");
        Task again = NoisyTaskGenerator.generate(ds, 0.5, 50, 9, "noisy");
        assertArrayEquals(t.users(), again.users());
        assertArrayEquals(t.labels(), again.labels());
    }
}
