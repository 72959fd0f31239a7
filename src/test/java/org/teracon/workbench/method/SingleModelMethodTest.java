package org.teracon.workbench.method;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.model.ParameterStore;
import org.teracon.workbench.model.TaskHead;

class SingleModelMethodTest {

    private static boolean same(ParameterStore a, ParameterStore b, String name) {
        return java.util.Arrays.equals(a.get(name).dup('c').data().asFloat(), b.get(name).dup('c').data().asFloat());
    }

    @Test
    void fineSmaxKeepsTheBackboneBitIdenticalAfterT1AndTrainsOnlyHeads() {
        List<TaskData> tasks = Fixture.tasks("next_item", "taste_group", "side_group");
        SingleModelMethod m = SingleModelMethod.fineSmax(new org.teracon.workbench.model.BackboneConfig(8, 3, List.of(1)));
        MethodEnvironment env = Fixture.env(1);
        Fixture.learnUpTo(m, tasks, 0, 0, env);
        ParameterStore afterT1 = m.network(0).params().copy();
        Fixture.learnUpTo(m, tasks, 1, 2, env);
        ParameterStore end = m.network(2).params();
        for (String name : afterT1.names()) {
            assertTrue(same(afterT1, end, name), name + " changed after T1");
        }
        assertFalse(afterT1.has(TaskHead.weight("head2")));
        assertTrue(end.has(TaskHead.weight("head2")), "the new head was added and trained");
    }

    @Test
    void sinMoAllChangesTheSharedBackboneAndSinMoKeepsOneModelPerTask() {
        List<TaskData> tasks = Fixture.tasks("next_item", "taste_group");
        MethodEnvironment env = Fixture.env(1);
        SingleModelMethod naive = SingleModelMethod.sinMoAll(new org.teracon.workbench.model.BackboneConfig(8, 3, List.of(1)));
        Fixture.learnUpTo(naive, tasks, 0, 0, env);
        ParameterStore afterT1 = naive.network(0).params().copy();
        Fixture.learnUpTo(naive, tasks, 1, 1, env);
        assertSame(naive.network(0), naive.network(1));
        assertFalse(same(afterT1, naive.network(0).params(), "block0.conv0.W"), "fine-tuning moved the shared backbone");

        SingleModelMethod single = SingleModelMethod.sinMo(new org.teracon.workbench.model.BackboneConfig(8, 3, List.of(1)));
        Fixture.learnUpTo(single, tasks, 0, 1, env);
        assertNotSame(single.network(0), single.network(1));
        assertFalse(single.network(1).params().has(TaskHead.weight("head0")), "T2's model never saw T1");
    }
}
