package org.teracon.workbench.method.teracon;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.model.GraphVariables;
import org.teracon.workbench.model.Init;
import org.teracon.workbench.model.ParameterStore;
import org.teracon.workbench.model.TaskHead;
import org.teracon.workbench.model.TcnBackbone;

class TaskMasksTest {

    private static ParameterStore twoTaskMasks() {
        ParameterStore p = new ParameterStore();
        p.put(TaskMasks.embedding(0, 0), Nd4j.create(new float[] {0.5f, -1f}, new long[] {1, 2}, 'c'));
        p.put(TaskMasks.embedding(1, 0), Nd4j.create(new float[] {1f, 0.2f}, new long[] {1, 2}, 'c'));
        // f for task 0 sees [tanh(s·e0), tanh(s·e1), tanh(-s·e1)]
        p.put(TaskMasks.relationWeight(0, 0), Nd4j.create(new float[] {0.3f, -0.2f, 0.1f}, new long[] {1, 3}, 'c'));
        p.put(TaskMasks.relationBias(0, 0), Nd4j.create(new float[] {0.1f}, new long[] {1, 1}, 'c'));
        return p;
    }

    private static float[] evaluate(ParameterStore p, boolean relationAware, double s) {
        SameDiff sd = SameDiff.create();
        GraphVariables v = new GraphVariables(sd, p);
        SDVariable sv = sd.placeHolder("s", DataType.FLOAT);
        TaskMasks.mask(v, sv, 0, 2, 0, relationAware).rename("m");
        return sd.output(Map.of("s", Nd4j.scalar((float) s)), "m").get("m").dup().data().asFloat();
    }

    @Test
    void plainMaskIsSigmoidOfScaledEmbedding() {
        float[] m = evaluate(twoTaskMasks(), false, 2);
        // σ(2·0.5) = 0.731059, σ(2·(−1)) = 0.119203
        assertArrayEquals(new float[] {0.7310586f, 0.1192029f}, m, 1e-6f);
    }

    @Test
    void relationAwareMaskMatchesHandComputation() {
        float[] m = evaluate(twoTaskMasks(), true, 2);
        // channel 0: z = tanh(2·[0.5, 1, −1]) = [0.76159, 0.96403, −0.96403];
        // f = 0.3·0.76159 − 0.2·0.96403 + 0.1·(−0.96403) + 0.1 = 0.039274; m = σ(2·f) = 0.519625
        // channel 1: z = tanh(2·[−1, 0.2, −0.2]); m = 0.352884
        assertArrayEquals(new float[] {0.5196249f, 0.3528841f}, m, 1e-5f);
    }

    @Test
    void maskedBlockAndRelationMlpGradientsMatchFiniteDifferences() {
        Random rnd = new Random(3);
        BackboneConfig cfg = new BackboneConfig(4, 2, List.of(1));
        int len = 5;
        int classes = 3;
        ParameterStore p = new ParameterStore();
        TcnBackbone.init(p, cfg, 6, rnd);
        TaskHead.init(p, "head1", 4, classes, rnd);
        TaskMasks.initEmbeddings(p, 0, 2, 4, rnd);
        TaskMasks.initEmbeddings(p, 1, 2, 4, rnd);
        TaskMasks.initRelationMlps(p, 2, 2, rnd);
        // larger MLP weights than the N(0, 0.01) init so their gradients are well above float noise
        for (int k = 0; k < 2; k++) p.put(TaskMasks.relationWeight(1, k), Init.normal(rnd, 0.5, 1, 3));

        SameDiff sd = SameDiff.create();
        GraphVariables v = new GraphVariables(sd, p);
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 4, len);
        SDVariable s = sd.placeHolder("s", DataType.FLOAT);
        SDVariable t = sd.placeHolder("t", DataType.FLOAT, -1, classes);
        SDVariable hidden = TcnBackbone.hidden(v, x, cfg, TaskMasks.hooks(v, s, 1, 2, true, 4));
        SDVariable logits = TaskHead.logits(v, TaskHead.at(hidden, len - 1, 4), "head1");
        TaskHead.softTargetCrossEntropy(sd, logits, t).rename("loss");
        sd.setLossVariables("loss");

        Map<String, INDArray> ph = new HashMap<>();
        ph.put("x", Init.normal(rnd, 1, 3, 4, len));
        ph.put("s", Nd4j.scalar(1.5f));
        ph.put("t", Nd4j.create(new float[] {0.5f, 0, 0, 0, 0, 0.5f, 0, 0, 0}, new long[] {3, classes}, 'c'));
        List<String> checked = List.of(TcnBackbone.convWeight(0, 0), TcnBackbone.convWeight(0, 1),
                TaskMasks.embedding(1, 0), TaskMasks.embedding(0, 1), TaskMasks.relationWeight(1, 0),
                TaskMasks.relationBias(1, 1), TcnBackbone.normGain(0, 1), "x");
        Map<String, INDArray> grads = sd.calculateGradients(ph, checked);
        double eps = 5e-3;
        int compared = 0;
        for (String name : checked) {
            INDArray arr = name.equals("x") ? ph.get("x") : p.get(name);
            INDArray g = grads.get(name);
            assertNotNull(g, name);
            for (int i = 0; i < Math.min(arr.length(), 8); i++) {
                double orig = arr.getDouble(i);
                arr.putScalar(i, orig + eps);
                double up = sd.output(ph, "loss").get("loss").getDouble(0);
                arr.putScalar(i, orig - eps);
                double down = sd.output(ph, "loss").get("loss").getDouble(0);
                arr.putScalar(i, orig);
                double numeric = (up - down) / (2 * eps);
                double analytic = g.getDouble(i);
                assertEquals(numeric, analytic, 2e-3 + 0.03 * Math.abs(numeric), name + "[" + i + "]");
                compared++;
            }
        }
        assertEquals(40, compared, "every selected entry compared");
    }

    @Test
    void annealedSharpnessFollowsTheReferenceSchedule() {
        assertEquals(1.0 / 50, Teracon.sharpness(50, true, 0, 10), 1e-12);
        assertEquals((50 - 1.0 / 50) * 5 / 10 + 1.0 / 50, Teracon.sharpness(50, true, 5, 10), 1e-12);
        assertEquals(50, Teracon.sharpness(50, false, 3, 10), 1e-12);
    }
}
