package org.teracon.workbench.method.teracon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.method.Fixture;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.TrainingMonitor;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.model.NativeMemory;

/**
 * Issue #8, memory: a stage may leave behind only what it adds to the model (its head, task embedding and
 * the re-created relation MLPs), not its frozen teacher copy, optimiser state or best-epoch snapshot. ND4J's
 * live arrays are weighed after a full collection at the end of each stage; a teacher kept alive would add a
 * whole model's bytes (several times a stage's legitimate growth here), which the bound below does not allow.
 */
class StageMemoryTest {

    @Test
    void aStageLeavesBehindOnlyTheParametersItAdds() {
        List<TaskData> tasks = Fixture.tasks("next_item", "liked_items", "taste_group", "side_group");
        Teracon m = new Teracon(new BackboneConfig(16, 3, List.of(1, 2)), TeraconSettings.defaults());
        MethodEnvironment env = new MethodEnvironment(new TrainingConfig(1, 1, 1, 32, 32, 3e-3, 3e-3, 256),
                TrainingMonitor.NONE, new Random(3));
        long[] live = new long[tasks.size()];
        long[] params = new long[tasks.size()];
        for (int s = 0; s < tasks.size(); s++) {
            m.learn(tasks.subList(0, s + 1), env);
            NativeMemory.collect();
            live[s] = NativeMemory.live().bytes();
            params[s] = m.parameters().bytes();
            assertTrue(live[s] >= params[s], "the registry sees the parameters: live " + live[s] + " < parameters " + params[s]);
        }
        for (int s = 1; s < tasks.size(); s++) {
            long grew = live[s] - live[s - 1];
            long added = params[s] - params[s - 1];
            // slack for ND4J's own small caches; a frozen copy of the model would be params[s - 1] bytes
            long slack = params[s - 1] / 4;
            assertTrue(grew <= added + slack, "stage " + (s + 1) + ": live ND4J bytes grew " + grew + ", its parameters add "
                    + added + " (model " + params[s - 1] + " bytes before it)");
        }
    }
}
