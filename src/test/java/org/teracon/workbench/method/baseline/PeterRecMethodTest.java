package org.teracon.workbench.method.baseline;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.method.Fixture;
import org.teracon.workbench.method.TaskData;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.teracon.workbench.model.BackboneHooks;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.model.ParameterStore;

class PeterRecMethodTest {

    @Test
    void backboneStaysBitIdenticalAndOnlyTheTasksPatchesAndHeadTrain() {
        List<TaskData> tasks = Fixture.tasks("next_item", "taste_group", "side_group");
        PeterRecMethod m = PeterRecMethod.fromParams(Fixture.BACKBONE, ParamValues.none());
        var env = Fixture.env(2);
        m.learn(tasks.subList(0, 1), env);
        ParameterStore afterT1 = m.network().params().copy();
        int[] users = Fixture.testUsers(tasks.get(0));
        float[] logitsT1 = Fixture.values(m.predict(0, tasks.get(0).sequencesOf(users)));

        m.learn(tasks.subList(0, 2), env);
        ParameterStore afterT2 = m.network().params().copy();
        assertTrue(afterT2.has(PeterRecMethod.patch(1, 0, "W1")));
        assertEquals(8, afterT2.get(PeterRecMethod.patch(1, 0, "W1")).size(0));
        assertEquals(2, afterT2.get(PeterRecMethod.patch(1, 0, "W1")).size(1), "bottleneck C/4");
        m.learn(tasks, env);

        for (String name : afterT1.names()) {
            assertArrayEquals(Fixture.values(afterT1, name), Fixture.values(m.network().params(), name), 0f, name + " moved");
        }
        for (String name : afterT2.names()) {
            if (name.startsWith("patch1.") || name.startsWith("head1")) {
                assertArrayEquals(Fixture.values(afterT2, name), Fixture.values(m.network().params(), name), 0f, name + " moved during T3");
            }
        }
        assertFalse(java.util.Arrays.equals(Fixture.values(afterT2, PeterRecMethod.patch(1, 0, "W2")),
                Fixture.values(m.network().params(), PeterRecMethod.patch(2, 0, "W2"))), "T3 has its own patch");
        assertTrue(m.network().params().get(PeterRecMethod.patch(2, 0, "W2")).ameanNumber().doubleValue() > 1e-3 * 0.8 * 1.5,
                "the patch output weights trained away from their near-zero start");
        assertArrayEquals(logitsT1, Fixture.values(m.predict(0, tasks.get(0).sequencesOf(users))), 0f);
    }

    @Test
    void freshPatchesStartNearTheIdentityAndTaskOnePredictionsStayUnchanged() {
        List<TaskData> tasks = Fixture.tasks("next_item", "taste_group");
        PeterRecMethod m = PeterRecMethod.fromParams(Fixture.BACKBONE, org.teracon.workbench.method.params.ParamValues.none());
        var env = Fixture.env(3);
        m.learn(tasks.subList(0, 1), env);
        int[][] sequences = tasks.get(0).sequencesOf(Fixture.testUsers(tasks.get(0)));
        float[] logitsT1 = Fixture.values(m.predict(0, sequences));

        m.initPatches(1, new java.util.Random(9));
        Network net = m.network();
        INDArray plain = net.forward(sequences, BackboneHooks.NONE).hidden();
        INDArray patched = net.forward(sequences, m.hooks(1)).hidden();
        double relative = patched.sub(plain).norm2Number().doubleValue() / plain.norm2Number().doubleValue();
        assertTrue(relative > 0, "the patch is applied");
        assertTrue(relative < 1e-2, "a fresh patch is almost the identity: relative change " + relative);

        m.learn(tasks, env);
        assertArrayEquals(logitsT1, Fixture.values(m.predict(0, sequences)), 0f, "T1 predictions after T2 (frozen backbone)");
    }
}
