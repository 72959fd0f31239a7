package org.teracon.workbench.method;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.model.AdamOptimizer;
import org.teracon.workbench.model.ParameterStore;

class GraphStepTest {

    private static GraphStep step(ParameterStore p) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 2);
        SDVariable w = sd.var("w", p.get("w"));
        sd.sum(x.mmul(w)).rename("loss");
        sd.setLossVariables("loss");
        return new GraphStep(sd, p, n -> true, false, new AdamOptimizer(0.1), null);
    }

    @Test
    void aFiniteStepUpdatesAndANonFiniteOneIsSkippedLeavingWeightsAlone() {
        ParameterStore p = new ParameterStore();
        p.put("w", Nd4j.create(new float[] {1f, 2f}, new long[] {2, 1}, 'c'));
        GraphStep step = step(p);

        Map<String, INDArray> out = step.run(Map.of("x", Nd4j.create(new float[] {1f, -1f}, new long[] {1, 2}, 'c')), Map.of(), List.of("loss"));
        assertFalse(out.containsKey("skipped"));
        assertArrayEquals(new float[] {0.9f, 2.1f}, p.get("w").data().asFloat(), 1e-6f, "Adam's first step: lr · sign(grad)");

        out = step.run(Map.of("x", Nd4j.create(new float[] {Float.NaN, 1f}, new long[] {1, 2}, 'c')), Map.of(), List.of("loss"));
        assertTrue(out.containsKey("skipped"));
        assertArrayEquals(new float[] {0.9f, 2.1f}, p.get("w").data().asFloat(), 0f, "a NaN step leaves the weights as they were");

        out = step.run(Map.of("x", Nd4j.create(new float[] {Float.POSITIVE_INFINITY, 1f}, new long[] {1, 2}, 'c')), Map.of(), List.of("loss"));
        assertTrue(out.containsKey("skipped"), "infinite gradients are skipped too");
    }
}
