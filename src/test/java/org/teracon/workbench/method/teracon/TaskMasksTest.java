package org.teracon.workbench.method.teracon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.teracon.workbench.method.StepContext;
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
        // task 1's MLP: every learned task has one (the masks of all tasks are computed together)
        p.put(TaskMasks.relationWeight(1), Nd4j.create(new float[] {0.2f, 0.4f, -0.3f}, new long[] {1, 3}, 'c'));
        p.put(TaskMasks.relationBias(1), Nd4j.create(new float[] {-0.1f}, new long[] {1, 1}, 'c'));
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

    private static final int N = 3;
    private static final int K = 2;
    private static final int C = 4;
    private static final double S = 1.3;

    private static ParameterStore randomMasks(long seed) {
        Random rnd = new Random(seed);
        ParameterStore p = new ParameterStore();
        for (int t = 0; t < N; t++) TaskMasks.initEmbeddings(p, t, K, C, rnd);
        TaskMasks.initRelationMlps(p, N, K, rnd);
        for (String n : p.names().toArray(new String[0])) p.put(n, Init.normal(rnd, 0.7, p.get(n).shape()).castTo(DataType.DOUBLE));
        return p;
    }

    private static double[][] host(ParameterStore p, String name) {
        return p.get(name).toDoubleMatrix();
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** a_t[k][u] from the MLP input order [own, +other_1, −other_1, +other_2, −other_2, …]. */
    private static double[][] referenceMixing(ParameterStore p, int t) {
        double[][] w = host(p, TaskMasks.relationWeight(t));
        double[][] a = new double[K][N];
        for (int k = 0; k < K; k++) {
            a[k][t] = w[k][0];
            int i = 1;
            for (int u = 0; u < N; u++) {
                if (u == t) continue;
                a[k][u] = w[k][2 * i - 1] - w[k][2 * i];
                i++;
            }
        }
        return a;
    }

    /** m_t[k][c], straight from the formula, one task at a time. */
    private static double[][] referenceMask(ParameterStore p, int t, boolean relationAware) {
        double[][] m = new double[K][C];
        double[][] own = host(p, TaskMasks.embedding(t));
        for (int k = 0; k < K; k++) {
            for (int c = 0; c < C; c++) {
                if (!relationAware) {
                    m[k][c] = sigmoid(S * own[k][c]);
                    continue;
                }
                double f = host(p, TaskMasks.relationBias(t))[k][0];
                double[][] a = referenceMixing(p, t);
                for (int u = 0; u < N; u++) f += a[k][u] * Math.tanh(S * host(p, TaskMasks.embedding(u))[k][c]);
                m[k][c] = sigmoid(S * f);
            }
        }
        return m;
    }

    /** The gradients of Σ_t Σ dM_t ⊙ m_t over the tasks that receive a dM, by the chain rule task by task. */
    private static java.util.Map<String, double[][]> referenceGradients(ParameterStore p, double[][][] dM, boolean relationAware) {
        java.util.Map<String, double[][]> g = new java.util.HashMap<>();
        for (int t = 0; t < N; t++) {
            if (dM[t] == null) continue;
            double[][] m = referenceMask(p, t, relationAware);
            double[][] dPre = new double[K][C];
            for (int k = 0; k < K; k++) for (int c = 0; c < C; c++) dPre[k][c] = dM[t][k][c] * m[k][c] * (1 - m[k][c]) * S;
            if (!relationAware) {
                g.put(TaskMasks.embedding(t), dPre);
                continue;
            }
            double[][] a = referenceMixing(p, t);
            double[][] db = new double[K][1];
            double[][] dW = new double[K][2 * N - 1];
            for (int k = 0; k < K; k++) {
                for (int c = 0; c < C; c++) db[k][0] += dPre[k][c];
                int i = 1;
                for (int u = 0; u < N; u++) {
                    double[][] e = host(p, TaskMasks.embedding(u));
                    double da = 0;
                    double[][] de = g.computeIfAbsent(TaskMasks.embedding(u), x -> new double[K][C]);
                    for (int c = 0; c < C; c++) {
                        double th = Math.tanh(S * e[k][c]);
                        da += dPre[k][c] * th;
                        de[k][c] += a[k][u] * dPre[k][c] * (1 - th * th) * S;
                    }
                    if (u == t) {
                        dW[k][0] = da;
                    } else {
                        dW[k][2 * i - 1] = da;
                        dW[k][2 * i] = -da;
                        i++;
                    }
                }
            }
            g.put(TaskMasks.relationBias(t), db);
            g.put(TaskMasks.relationWeight(t), dW);
        }
        return g;
    }

    private static void assertGradients(java.util.Map<String, double[][]> expected, Gradients actual, ParameterStore p, String what) {
        for (String name : p.names()) {
            INDArray got = actual.get(name);
            double[][] want = expected.get(name);
            assertEquals(want == null, got == null, what + ": gradient of " + name + " present");
            if (want == null) continue;
            INDArray flat = got.reshape(got.length());
            int cols = want[0].length;
            for (int i = 0; i < want.length * cols; i++) {
                assertEquals(want[i / cols][i % cols], flat.getDouble(i), 1e-12, what + ": " + name + "[" + i + "]");
            }
        }
    }

    private static double[][][] someDMasks(Random rnd, boolean... receives) {
        double[][][] dM = new double[N][][];
        for (int t = 0; t < N; t++) {
            if (!receives[t]) continue;
            dM[t] = new double[K][C];
            for (int k = 0; k < K; k++) for (int c = 0; c < C; c++) dM[t][k][c] = rnd.nextGaussian();
        }
        return dM;
    }

    /** The stacked forward and the batched backward against the per-task formula, with all and some tasks receiving dL/dm. */
    @Test
    void batchedMasksAndGradientsMatchPerTaskReference() {
        for (boolean relationAware : new boolean[] {false, true}) {
            for (boolean[] receives : new boolean[][] {{true, true, true}, {true, false, true}, {false, true, false}}) {
                ParameterStore p = randomMasks(11);
                TaskMasks masks = new TaskMasks(p, N, relationAware, S);
                String what = (relationAware ? "relation-aware" : "plain") + " " + java.util.Arrays.toString(receives);
                for (int t = 0; t < N; t++) {
                    double[][] want = referenceMask(p, t, relationAware);
                    assertArrayEquals(want[1], masks.mask(t).toDoubleMatrix()[1], 1e-12, what + ": mask " + t);
                    assertArrayEquals(want[0], masks.stacked().get(NDArrayIndex.point(0), NDArrayIndex.point(t), NDArrayIndex.all()).toDoubleVector(),
                            1e-12, what + ": stacked mask " + t);
                }
                double[][][] dM = someDMasks(new Random(3), receives);
                INDArray all = Nd4j.zeros(DataType.DOUBLE, K, N, C);
                for (int t = 0; t < N; t++) {
                    if (dM[t] != null) all.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()).assign(Nd4j.create(dM[t]));
                }
                Gradients batched = new Gradients(n -> true);
                masks.backward(all, receives, batched);
                assertGradients(referenceGradients(p, dM, relationAware), batched, p, what + " batched");

                Gradients oneByOne = new Gradients(n -> true);
                TaskMasks fresh = new TaskMasks(p, N, relationAware, S);
                for (int t = 0; t < N; t++) if (dM[t] != null) fresh.backward(t, Nd4j.create(dM[t]), oneByOne);
                assertGradients(referenceGradients(p, dM, relationAware), oneByOne, p, what + " per task");
            }
        }
    }

    /** Groups of sequences under different tasks: gathered mask rows and the per-task sums of their gradient terms. */
    @Test
    void groupMasksGatherRowsAndSumGradientsPerTask() {
        int length = 3;
        for (boolean relationAware : new boolean[] {false, true}) {
            ParameterStore p = randomMasks(17);
            TaskMasks masks = new TaskMasks(p, N, relationAware, S);
            // groups: 2 sequences under task 2, 1 under task 0, 3 under task 2 again; task 1 unused
            int[] taskOfGroup = {2, 0, 2};
            List<StepContext.Group> groups = List.of(new StepContext.Group(0, 2), new StepContext.Group(2, 1), new StepContext.Group(3, 3));
            int[] taskOfSequence = {2, 2, 0, 2, 2, 2};
            GroupMasks hooks = new GroupMasks(masks, taskOfGroup, groups, K, C);
            Random rnd = new Random(8);
            double[][][] dM = new double[N][][];
            dM[0] = new double[K][C];
            dM[2] = new double[K][C];
            for (int k = K - 1; k >= 0; k--) {
                double[][] rows = hooks.mask(k).toDoubleMatrix();
                double[][] terms = new double[taskOfSequence.length * length][C];
                for (int r = 0; r < taskOfSequence.length; r++) {
                    assertArrayEquals(referenceMask(p, taskOfSequence[r], relationAware)[k], rows[r], 1e-12, "layer " + k + " row " + r);
                    for (int t = 0; t < length; t++) {
                        for (int c = 0; c < C; c++) {
                            terms[r * length + t][c] = rnd.nextGaussian();
                            dM[taskOfSequence[r]][k][c] += terms[r * length + t][c];
                        }
                    }
                }
                INDArray dOut = Nd4j.create(terms);
                hooks.maskGradientWork(k, dOut, dOut.ulike().assign(1), taskOfSequence.length, length).run();
            }
            Gradients g = new Gradients(n -> true);
            hooks.backward(g);
            assertGradients(referenceGradients(p, dM, relationAware), g, p, (relationAware ? "relation-aware" : "plain") + " groups");
        }
    }

    /** After each step every task embedding is clamped to ±6 (reference), in place; values within stay as they are. */
    @Test
    void clampKeepsEveryEmbeddingWithinSix() {
        ParameterStore p = new ParameterStore();
        p.put(TaskMasks.embedding(0), Nd4j.createFromArray(new float[][] {{-9f, -6f, 0.5f}, {6f, 7.5f, -5.99f}}));
        p.put(TaskMasks.embedding(1), Nd4j.createFromArray(new float[][] {{100f, -0.25f, 3f}, {-6.01f, 2f, 6.01f}}));
        INDArray e0 = p.get(TaskMasks.embedding(0));
        TaskMasks.clampEmbeddings(p, 2);
        assertSame(e0, p.get(TaskMasks.embedding(0)));
        assertArrayEquals(new float[] {-6f, -6f, 0.5f, 6f, 6f, -5.99f}, e0.data().asFloat());
        assertArrayEquals(new float[] {6f, -0.25f, 3f, -6f, 2f, 6f}, p.get(TaskMasks.embedding(1)).data().asFloat());
    }

    /**
     * Embeddings side by side in one buffer (as Adam's pack holds them, with other parameters before and after)
     * are clamped by one clip over their stretch: every embedding is clamped and the neighbours are untouched.
     * Out of order or with a gap they are not one stretch, and each is clamped by itself.
     */
    @Test
    void embeddingsSideBySideAreClampedAsOneStretch() {
        float[] values = {50f, -50f, -9f, -6f, 0.5f, 6f, 7.5f, -5.99f, 100f, -0.25f, 3f, -6.01f, 2f, 6.01f, 70f, -70f};
        INDArray flat = Nd4j.createFromArray(values);
        INDArray e0 = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 8)).reshape('c', 2, 3);
        INDArray e1 = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(8, 14)).reshape('c', 2, 3);
        assertNotNull(TaskMasks.sideBySide(new INDArray[] {e0, e1}));
        assertNull(TaskMasks.sideBySide(new INDArray[] {e1, e0}));
        assertNull(TaskMasks.sideBySide(new INDArray[] {e0, flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(9, 15)).reshape('c', 2, 3)}));
        ParameterStore p = new ParameterStore();
        p.put(TaskMasks.embedding(0), e0);
        p.put(TaskMasks.embedding(1), e1);
        TaskMasks.clampEmbeddings(p, 2);
        assertArrayEquals(new float[] {50f, -50f, -6f, -6f, 0.5f, 6f, 6f, -5.99f, 6f, -0.25f, 3f, -6f, 2f, 6f, 70f, -70f}, flat.data().asFloat());
        // out of order: each on its own, still clamped
        INDArray g = Nd4j.createFromArray(new float[] {9f, 1f, -9f, 1f, 8f, -8f});
        ParameterStore q = new ParameterStore();
        q.put(TaskMasks.embedding(0), g.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(3, 6)).reshape('c', 1, 3));
        q.put(TaskMasks.embedding(1), g.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 3)).reshape('c', 1, 3));
        TaskMasks.clampEmbeddings(q, 2);
        assertArrayEquals(new float[] {6f, 1f, -6f, 1f, 6f, -6f}, g.data().asFloat());
    }

    /** One group alone reads one mask row for the whole pass; its terms all sum into that task's gradient. */
    @Test
    void aSingleGroupSumsEveryRowIntoItsTask() {
        ParameterStore p = randomMasks(23);
        TaskMasks masks = new TaskMasks(p, N, true, S);
        GroupMasks hooks = new GroupMasks(masks, new int[] {1}, List.of(new StepContext.Group(0, 4)), K, C);
        Random rnd = new Random(5);
        double[][][] dM = new double[N][][];
        dM[1] = new double[K][C];
        for (int k = K - 1; k >= 0; k--) {
            assertEquals(1, hooks.mask(k).rows());
            double[][] terms = new double[4 * 2][C];
            for (int r = 0; r < terms.length; r++) {
                for (int c = 0; c < C; c++) {
                    terms[r][c] = rnd.nextGaussian();
                    dM[1][k][c] += terms[r][c];
                }
            }
            INDArray dOut = Nd4j.create(terms);
            hooks.maskGradientWork(k, dOut, dOut.ulike().assign(1), 4, 2).run();
        }
        Gradients g = new Gradients(n -> true);
        hooks.backward(g);
        assertGradients(referenceGradients(p, dM, true), g, p, "one group");
    }
}
