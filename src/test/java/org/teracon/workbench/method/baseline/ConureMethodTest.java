package org.teracon.workbench.method.baseline;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.method.Fixture;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.model.ParameterStore;
import org.teracon.workbench.model.TcnBackbone;

class ConureMethodTest {

    @Test
    void taskOneWeightsAndPredictionsStayBitIdenticalWhileLaterTasksTakeFreeWeights() {
        List<TaskData> tasks = Fixture.tasks("next_item", "taste_group", "side_group");
        ConureMethod m = ConureMethod.fromParams(Fixture.BACKBONE, ParamValues.none());
        var env = Fixture.env(1);
        m.learn(tasks.subList(0, 1), env);

        String w = TcnBackbone.convWeight(0, 1);
        int[] owner0 = m.owner(w);
        long owned0 = Arrays.stream(owner0).filter(o -> o == 0).count();
        assertEquals(0.3, owned0 / (double) owner0.length, 0.01, "T1 keeps 30% of each layer");
        float[] w0 = Fixture.values(m.network().params(), w);
        long prunedNonZero = 0;
        long pruned = 0;
        for (int i = 0; i < owner0.length; i++) {
            if (owner0[i] != ConureMethod.FREE) continue;
            pruned++;
            if (w0[i] != 0f) prunedNonZero++;
        }
        assertEquals(pruned, prunedNonZero, "pruned weights keep their trained values (the next task's start), none zeroed");
        ParameterStore afterT1 = m.network().params().copy();
        int[] users = Fixture.testUsers(tasks.get(0));
        float[] logitsT1 = Fixture.values(m.predict(0, tasks.get(0).sequencesOf(users)));

        Fixture.learnUpTo(m, tasks, 1, 2, env);

        int[] owner = m.owner(w);
        long owned1 = Arrays.stream(owner).filter(o -> o == 1).count();
        assertEquals(0.3 * (owner.length - owned0), owned1, 1.0, "T2 keeps 30% of what T1 left free");
        for (String name : afterT1.names()) {
            if (name.startsWith("head1") || name.startsWith("head2")) continue;
            float[] before = Fixture.values(afterT1, name);
            float[] after = Fixture.values(m.network().params(), name);
            int[] o = name.endsWith(".W") && name.startsWith("block") ? m.owner(name) : null;
            for (int i = 0; i < before.length; i++) {
                if (o != null && o[i] != 0) continue;
                assertEquals(Float.floatToRawIntBits(before[i]), Float.floatToRawIntBits(after[i]), name + "[" + i + "] moved");
            }
        }
        float[] w2 = Fixture.values(m.network().params(), w);
        boolean laterTrained = false;
        for (int i = 0; i < owner.length; i++) if (owner[i] == 1 && w2[i] != 0f) laterTrained = true;
        assertTrue(laterTrained, "T2 must have trained weights of its own");
        assertArrayEquals(logitsT1, Fixture.values(m.predict(0, tasks.get(0).sequencesOf(users))), 0f, "T1 predictions must not change (BWT = 0)");
    }

    @Test
    void pruningKeepsTheLargestFreeMagnitudesWithTiesToTheLowerIndexAndLeavesThePrunedValues() {
        List<TaskData> tasks = Fixture.tasks("next_item");
        ConureMethod m = ConureMethod.fromParams(Fixture.BACKBONE, org.teracon.workbench.method.params.ParamValues.none());
        m.learn(tasks, Fixture.env(1));
        String w = TcnBackbone.convWeight(0, 0);
        INDArray arr = m.network().params().get(w);
        Random r = new Random(5);
        float[] v = new float[(int) arr.length()];
        for (int i = 0; i < v.length; i++) v[i] = (r.nextInt(7) - 3) * 0.25f; // many ties, zeros included
        arr.assign(Nd4j.create(v, arr.shape(), 'c'));
        int[] o = m.owner(w);
        m.prune(1);

        // the reference: a stable sort of the free entries by descending magnitude
        Integer[] free = java.util.stream.IntStream.range(0, o.length).filter(i -> o[i] == ConureMethod.FREE).boxed().toArray(Integer[]::new);
        Arrays.sort(free, (a, b) -> Float.compare(Math.abs(v[b]), Math.abs(v[a])));
        int kept = Math.max(1, (int) Math.round(0.3 * free.length));
        int[] expectedOwner = o.clone();
        float[] expected = v.clone();
        for (int q = 0; q < free.length; q++) {
            if (q < kept) expectedOwner[free[q]] = 1; // the others stay free with their values
        }
        assertArrayEquals(expectedOwner, m.owner(w));
        float[] got = Fixture.values(m.network().params(), w);
        for (int i = 0; i < v.length; i++) assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(got[i]), w + "[" + i + "]");
    }
}
