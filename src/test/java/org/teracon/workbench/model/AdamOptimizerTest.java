package org.teracon.workbench.model;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamOptimizerTest {

    @Test
    void adamFirstStepMovesEachWeightByTheLearningRateAgainstItsGradientSign() {
        INDArray w = Nd4j.create(new float[] {1f, -2f, 0.5f}, new long[] {3}, 'c');
        AdamOptimizer adam = new AdamOptimizer(0.1);
        adam.step("w", w, Nd4j.create(new float[] {0.3f, -4f, 0f}, new long[] {3}, 'c'));
        // step 1: m̂ = g, v̂ = g², update = lr·g/(|g| + eps) = lr·sign(g)
        assertArrayEquals(new float[] {0.9f, -1.9f, 0.5f}, w.data().asFloat(), 1e-6f);
        adam.step("w", w, Nd4j.create(new float[] {0.3f, 0f, 0f}, new long[] {3}, 'c'));
        // step 2 for w[0]: m = 0.9·0.03+0.03=0.057 → m̂ = 0.057/0.19 = 0.3; v̂ = 0.09 → update 0.1
        assertEquals(0.8f, w.getFloat(0), 1e-5f);
    }

    private static java.util.Map<String, INDArray> gradients(int step) {
        Nd4j.getRandom().setSeed(100 + step);
        java.util.Map<String, INDArray> g = new java.util.LinkedHashMap<>();
        g.put("a", Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 4).subi(0.5));
        // a strided view, as TERACON hands over one task's block of a stacked gradient
        g.put("b", Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 3, 5).subi(0.5)
                .get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(1), org.nd4j.linalg.indexing.NDArrayIndex.all()));
        g.put("big", Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 70, 70).subi(0.5));
        g.put("c", Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 6).subi(0.5));
        return g;
    }

    private static ParameterStore parameters() {
        Nd4j.getRandom().setSeed(7);
        ParameterStore p = new ParameterStore();
        p.put("a", Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 4));
        p.put("b", Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 5));
        p.put("big", Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 70, 70));
        p.put("c", Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 6));
        return p;
    }

    /**
     * Small parameters stepped together (packed from the second step on) end where stepping each on its
     * own does, moments included, and a state taken from a packed optimiser resumes the same.
     */
    @Test
    void packedSmallParametersStepAsEachOnItsOwn() {
        ParameterStore packed = parameters();
        ParameterStore alone = parameters();
        AdamOptimizer together = new AdamOptimizer(0.05);
        AdamOptimizer each = new AdamOptimizer(0.05);
        java.io.Serializable midway = null;
        ParameterStore atMidway = null;
        for (int step = 0; step < 5; step++) {
            together.stepAll(packed, gradients(step));
            gradients(step).forEach((name, g) -> each.step(name, alone.get(name), g));
            if (step == 2) {
                midway = together.state();
                atMidway = packed.copy();
            }
        }
        for (String name : alone.names()) {
            assertArrayEquals(alone.get(name).data().asFloat(), packed.get(name).dup().data().asFloat(), 1e-6f, name);
        }
        AdamOptimizer.State a = (AdamOptimizer.State) together.state();
        AdamOptimizer.State b = (AdamOptimizer.State) each.state();
        for (String name : alone.names()) {
            assertArrayEquals(b.firstMoment().get(name).data().asFloat(), a.firstMoment().get(name).dup().data().asFloat(), 1e-7f, name);
            assertArrayEquals(b.secondMoment().get(name).data().asFloat(), a.secondMoment().get(name).dup().data().asFloat(), 1e-7f, name);
            assertEquals(5, a.steps().get(name));
        }
        AdamOptimizer resumed = new AdamOptimizer(0.05);
        resumed.restore(midway);
        for (int step = 3; step < 5; step++) resumed.stepAll(atMidway, gradients(step));
        for (String name : alone.names()) {
            assertArrayEquals(packed.get(name).dup().data().asFloat(), atMidway.get(name).dup().data().asFloat(), 1e-6f, name + " resumed");
        }
        // the packed parameters are views of one buffer; the large one stays its own array
        for (String name : new String[] {"a", "b", "c"}) assertTrue(packed.get(name).isView(), name);
        assertFalse(packed.get("big").isView());
        // at the stage's end they become arrays of their own again, with the same values
        float[] before = packed.get("b").dup().data().asFloat();
        together.release(packed);
        for (String name : packed.names()) assertFalse(packed.get(name).isView(), name + " released");
        assertArrayEquals(before, packed.get("b").data().asFloat());
    }

    /**
     * A packed parameter the store replaces (a new stage's relation MLP, a restored value) is packed again
     * with its new value and keeps its moments; a store of packed views serialises as its values.
     */
    @Test
    void aReplacedParameterIsPackedAgainAndViewsSerialiseAsValues() throws Exception {
        ParameterStore packed = parameters();
        ParameterStore alone = parameters();
        AdamOptimizer together = new AdamOptimizer(0.05);
        AdamOptimizer each = new AdamOptimizer(0.05);
        for (int step = 0; step < 6; step++) {
            if (step == 3) {
                INDArray fresh = Nd4j.createFromArray(new float[][] {{-1f, -0.5f, 0f, 0.5f}, {1f, 1.5f, 2f, 2.5f}, {-2f, -1.5f, 3f, 0.25f}});
                packed.put("a", fresh.dup());
                alone.get("a").assign(fresh);
            }
            together.stepAll(packed, gradients(step));
            gradients(step).forEach((name, g) -> each.step(name, alone.get(name), g));
        }
        for (String name : alone.names()) {
            assertArrayEquals(alone.get(name).data().asFloat(), packed.get(name).dup().data().asFloat(), 1e-6f, name);
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(packed);
        }
        ParameterStore read;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            read = (ParameterStore) in.readObject();
        }
        for (String name : packed.names()) {
            assertArrayEquals(packed.get(name).shape(), read.get(name).shape(), name);
            assertArrayEquals(packed.get(name).dup().data().asFloat(), read.get(name).dup().data().asFloat(), name + " read back");
        }
    }

    /** A large head-like gradient of 200 × 90 values (above the pack's size, several chunks), changing per step. */
    private static INDArray headGradient(int step) {
        Nd4j.getRandom().setSeed(300 + step);
        return Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 200, 90).subi(0.5).muli(step % 3 == 0 ? 2 : 0.1);
    }

    /**
     * Started early (chunks on the worker lane) and committed after the rest's step, Adam gives the same
     * parameters, to the bit, as the plain step over four steps; a discarded early update, a non-finite
     * gradient (reported by {@code finite()}, then discarded) and a checkpoint in between change nothing.
     */
    @Test
    void anEarlyUpdateCommittedEqualsThePlainStepAndADiscardedOneChangesNothing() {
        ParameterStore plain = new ParameterStore();
        Nd4j.getRandom().setSeed(5);
        plain.put("head", Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 200, 90));
        plain.put("small", Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 90));
        ParameterStore early = plain.copy();
        AdamOptimizer a = new AdamOptimizer(0.01);
        AdamOptimizer b = new AdamOptimizer(0.01);
        for (int step = 1; step <= 4; step++) {
            java.util.Map<String, INDArray> g = new java.util.LinkedHashMap<>();
            g.put("head", headGradient(step));
            g.put("small", headGradient(step).getRow(0).reshape(1, 90).dup());
            java.util.Map<String, INDArray> h = new java.util.LinkedHashMap<>();
            g.forEach((k, v) -> h.put(k, v.dup()));
            a.stepAll(plain, g);

            if (step == 2) { // a skipped step: started, then dropped
                java.util.Map<String, INDArray> dropped = new java.util.LinkedHashMap<>();
                h.forEach((k, v) -> dropped.put(k, v.dup()));
                INDArray before = early.get("head").dup();
                Optimizer.Early skipped = b.startEarly(early, dropped, java.util.List.of("head"));
                assertEquals(java.util.Set.of("head"), skipped.names());
                skipped.discard();
                assertEquals(0, before.sub(early.get("head")).amaxNumber().doubleValue(), 0.0, "discarded: parameter unchanged");
                java.util.Map<String, INDArray> nan = new java.util.LinkedHashMap<>();
                nan.put("head", h.get("head").dup().putScalar(0, Float.NaN));
                INDArray headBefore = early.get("head").dup();
                Optimizer.Early refused = b.startEarly(early, nan, java.util.List.of("head"));
                assertEquals(java.util.Set.of("head"), refused.names(), "its check is the early update's own");
                assertFalse(refused.finite(), "a non-finite gradient is found by the early update's check");
                refused.discard();
                assertEquals(0, headBefore.sub(early.get("head")).amaxNumber().doubleValue(), 0.0, "refused: parameter unchanged");
            }
            Optimizer.Early e = b.startEarly(early, h, java.util.List.of("head", "small", "absent"));
            assertEquals(java.util.Set.of("head"), e.names(), "only what is above the pack's size and present");
            assertTrue(e.finite());
            java.util.Map<String, INDArray> rest = new java.util.LinkedHashMap<>(h);
            rest.keySet().removeAll(e.names());
            b.stepAll(early, rest);
            e.commit();
            if (step == 3) b.restore(b.state()); // a checkpoint between steps: the spares are dropped, the moments kept
            for (String name : new String[] {"head", "small"}) {
                assertArrayEquals(plain.get(name).data().asFloat(), early.get(name).data().asFloat(), 0f, name + " after step " + step);
            }
        }
    }
}
