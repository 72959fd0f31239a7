package org.teracon.workbench.method.baseline;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.model.ParameterStore;
import org.teracon.workbench.model.TcnBackbone;

class HatMethodTest {

    static double intermediateFraction(float[][] gates) {
        long mid = 0;
        long all = 0;
        for (float[] layer : gates) {
            for (float a : layer) {
                all++;
                if (a > 0.01f && a < 0.99f) mid++;
            }
        }
        return mid / (double) all;
    }

    @Test
    void gatesBinariseAtSMaxAndClaimedUnitsKeepTheirWeights() {
        List<TaskData> tasks = Fixture.tasks("next_item", "taste_group");
        HatMethod m = HatMethod.fromParams(Fixture.BACKBONE, ParamValues.none());
        var env = Fixture.env(3);
        m.learn(tasks.subList(0, 1), env);
        ParameterStore afterT1 = m.network().params().copy();
        float[][] claimed = m.claimed();

        m.learn(tasks, env);

        for (int stage = 0; stage < 2; stage++) {
            assertTrue(intermediateFraction(m.gates(stage, 1.0)) > 0.5, "soft at s = 1");
            assertTrue(intermediateFraction(m.gates(stage)) < 0.05, "near binary at s_max: " + intermediateFraction(m.gates(stage)));
        }
        assertEquals(2, m.masks().size());
        assertEquals(Fixture.BACKBONE.maskedLayers(), m.masks().get("taste_group").length);

        int c = Fixture.BACKBONE.channels();
        int kernel = Fixture.BACKBONE.kernelSize();
        int protectedSeen = 0;
        int freeChanged = 0;
        for (int b = 0; b < Fixture.BACKBONE.blocks(); b++) {
            for (int k = 0; k < 2; k++) {
                float[] post = claimed[2 * b + k];
                float[] pre = k == 0 ? null : claimed[2 * b];
                String w = TcnBackbone.convWeight(b, k);
                float[] before = Fixture.values(afterT1, w);
                float[] after = Fixture.values(m.network().params(), w);
                for (int t = 0; t < kernel; t++) {
                    for (int i = 0; i < c; i++) {
                        for (int o = 0; o < c; o++) {
                            int idx = (t * c + i) * c + o;
                            boolean isProtected = post[o] == 1f && (pre == null || pre[i] == 1f);
                            if (isProtected) {
                                protectedSeen++;
                                assertEquals(before[idx], after[idx], 0f, w + "[" + idx + "] belongs to claimed units");
                            } else if (before[idx] != after[idx]) {
                                freeChanged++;
                            }
                        }
                    }
                }
                for (String p : List.of(TcnBackbone.convBias(b, k), TcnBackbone.normGain(b, k), TcnBackbone.normBias(b, k))) {
                    float[] pb = Fixture.values(afterT1, p);
                    float[] pa = Fixture.values(m.network().params(), p);
                    for (int o = 0; o < c; o++) if (post[o] == 1f) assertEquals(pb[o], pa[o], 0f, p + "[" + o + "]");
                }
            }
        }
        assertTrue(protectedSeen > 0, "T1 must have claimed some units");
        assertTrue(freeChanged > 0, "T2 must still train the unclaimed weights");
        assertArrayEquals(Fixture.values(afterT1, TcnBackbone.EMBEDDING), Fixture.values(m.network().params(), TcnBackbone.EMBEDDING), 0f);
    }
}
