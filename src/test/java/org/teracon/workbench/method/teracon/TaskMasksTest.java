package org.teracon.workbench.method.teracon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.model.Init;
import org.teracon.workbench.model.ParameterStore;

class TaskMasksTest {

    /** One layer, two channels, two tasks. */
    private static ParameterStore twoTaskMasks() {
        ParameterStore p = new ParameterStore();
        p.put(TaskMasks.embedding(0), Nd4j.create(new float[] {0.5f, -1f}, new long[] {1, 2}, 'c'));
        p.put(TaskMasks.embedding(1), Nd4j.create(new float[] {1f, 0.2f}, new long[] {1, 2}, 'c'));
        // f for task 0 sees [tanh(s·e0), tanh(s·e1), tanh(-s·e1)]
        p.put(TaskMasks.relationWeight(0), Nd4j.create(new float[] {0.3f, -0.2f, 0.1f}, new long[] {1, 3}, 'c'));
        p.put(TaskMasks.relationBias(0), Nd4j.create(new float[] {0.1f}, new long[] {1, 1}, 'c'));
        return p;
    }

    @Test
    void plainMaskIsSigmoidOfScaledEmbedding() {
        float[] m = new TaskMasks(twoTaskMasks(), 2, false, 2).values(0)[0];
        // σ(2·0.5) = 0.731059, σ(2·(−1)) = 0.119203
        assertArrayEquals(new float[] {0.7310586f, 0.1192029f}, m, 1e-6f);
    }

    @Test
    void relationAwareMaskMatchesHandComputation() {
        float[] m = new TaskMasks(twoTaskMasks(), 2, true, 2).values(0)[0];
        // channel 0: z = tanh(2·[0.5, 1, −1]) = [0.76159, 0.96403, −0.96403];
        // f = 0.3·0.76159 − 0.2·0.96403 + 0.1·(−0.96403) + 0.1 = 0.039274; m = σ(2·f) = 0.519625
        // channel 1: z = tanh(2·[−1, 0.2, −0.2]); m = 0.352884
        assertArrayEquals(new float[] {0.5196249f, 0.3528841f}, m, 1e-5f);
    }

    @Test
    void oneTaskFallsBackToThePlainMask() {
        float[] m = new TaskMasks(twoTaskMasks(), 1, true, 2).values(0)[0];
        assertArrayEquals(new float[] {0.7310586f, 0.1192029f}, m, 1e-6f);
    }

    /** Loss Σ R ⊙ m_t for a random R; every parameter's gradient against central differences. */
    @Test
    void gradientsMatchFiniteDifferences() {
        for (boolean relationAware : new boolean[] {false, true}) {
            Random rnd = new Random(5);
            ParameterStore p = new ParameterStore();
            for (int t = 0; t < 3; t++) TaskMasks.initEmbeddings(p, t, 2, 4, rnd);
            TaskMasks.initRelationMlps(p, 3, 2, rnd);
            for (String n : p.names().toArray(new String[0])) p.put(n, Init.normal(rnd, 0.7, p.get(n).shape()).castTo(DataType.DOUBLE));
            INDArray r = Init.normal(rnd, 1, 2, 4).castTo(DataType.DOUBLE);
            double s = 1.7;
            int task = 1;
            Gradients g = new Gradients(n -> true);
            TaskMasks masks = new TaskMasks(p, 3, relationAware, s);
            masks.mask(task);
            masks.backward(task, r, g);
            int checked = 0;
            for (String name : p.names()) {
                INDArray a = p.get(name).reshape(p.get(name).length());
                INDArray grad = g.get(name);
                for (long i = 0; i < a.length(); i++) {
                    double orig = a.getDouble(i);
                    a.putScalar(i, orig + 1e-6);
                    double up = new TaskMasks(p, 3, relationAware, s).mask(task).mul(r).sumNumber().doubleValue();
                    a.putScalar(i, orig - 1e-6);
                    double down = new TaskMasks(p, 3, relationAware, s).mask(task).mul(r).sumNumber().doubleValue();
                    a.putScalar(i, orig);
                    double numeric = (up - down) / 2e-6;
                    double analytic = grad == null ? 0 : grad.reshape(grad.length()).getDouble(i);
                    assertEquals(numeric, analytic, 1e-7 + 1e-6 * Math.abs(numeric), (relationAware ? "relation-aware " : "plain ") + name + "[" + i + "]");
                    if (numeric != 0) checked++;
                }
            }
            assertEquals(true, checked >= (relationAware ? 30 : 8), "non-zero gradients checked: " + checked);
        }
    }
}
