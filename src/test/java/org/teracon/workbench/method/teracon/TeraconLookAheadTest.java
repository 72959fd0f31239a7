package org.teracon.workbench.method.teracon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.teracon.workbench.method.Fixture;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.RunRandom;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.TrainingMonitor;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.model.ParameterStore;

/**
 * Issue #8: whole TERACON runs (four tasks, two epochs of 19-38 batches each) whose teacher covers several
 * steps a pass. Two such runs with one seed end with the same parameters to the last bit and the same
 * sampling rates, and the teacher made under a third of the passes it makes step by step. (Against the
 * step-by-step run the pseudo-labels differ in float rounding, GEMMs over more rows summing in another
 * order, and training carries that on: KnowledgeRetentionTest checks the steps themselves.)
 */
class TeraconLookAheadTest {

    @Test
    void runsWithTheTeachersLookAheadAreReproducibleAndTeachInFewerPasses() {
        List<TaskData> tasks = Fixture.tasks("next_item", "liked_items", "taste_group", "side_group");
        Teracon first = run(tasks, KnowledgeRetention.LOOK_AHEAD);
        Teracon again = run(tasks, KnowledgeRetention.LOOK_AHEAD);
        ParameterStore expected = first.parameters();
        ParameterStore actual = again.parameters();
        assertEquals(expected.names(), actual.names());
        for (String name : expected.names()) {
            INDArray e = expected.get(name);
            INDArray a = actual.get(name);
            assertArrayEquals(e.shape(), a.shape(), name);
            assertArrayEquals(e.dup().data().asFloat(), a.dup().data().asFloat(), name);
        }
        assertEquals(first.samplingRates(), again.samplingRates());
        Teracon stepByStep = run(tasks, 1);
        assertTrue(first.teacherPasses() * 3 < stepByStep.teacherPasses(),
                "teacher passes: " + first.teacherPasses() + " with look-ahead, " + stepByStep.teacherPasses() + " without");
    }

    private static Teracon run(List<TaskData> tasks, int lookAhead) {
        Teracon m = new Teracon(new BackboneConfig(16, 3, List.of(1, 2)), TeraconSettings.defaults(), lookAhead);
        MethodEnvironment env = new MethodEnvironment(new TrainingConfig(1, 2, 5, 32, 16, 3e-3, 3e-3, 256),
                TrainingMonitor.NONE, new RunRandom(5));
        for (int s = 0; s < tasks.size(); s++) m.learn(tasks.subList(0, s + 1), env);
        return m;
    }
}
