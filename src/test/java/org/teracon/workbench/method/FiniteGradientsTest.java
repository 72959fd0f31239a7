package org.teracon.workbench.method;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.teracon.workbench.model.Gradients;

/** A step is skipped when any gradient holds a NaN or an infinity, small ones checked together, large ones alone. */
class FiniteGradientsTest {

    private static Gradients gradients() {
        Gradients g = new Gradients(n -> true);
        g.add("big", Nd4j.rand(DataType.FLOAT, 300, 300));
        g.add("small", Nd4j.rand(DataType.FLOAT, 4, 8));
        // a view with a stride, as TaskMasks hands over a task's block of a stacked gradient
        g.add("view", Nd4j.rand(DataType.FLOAT, 4, 3, 8).get(NDArrayIndex.all(), NDArrayIndex.point(1), NDArrayIndex.all()));
        return g;
    }

    @Test
    void finiteGradientsPass() {
        assertTrue(TrainingCore.finite(gradients()));
    }

    @Test
    void aNanOrInfinityAnywhereIsFound() {
        for (String name : new String[] {"big", "small", "view"}) {
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                Gradients g = gradients();
                g.get(name).putScalar(g.get(name).length() - 1, bad);
                assertFalse(TrainingCore.finite(g), name + " holding " + bad);
            }
        }
    }
}
