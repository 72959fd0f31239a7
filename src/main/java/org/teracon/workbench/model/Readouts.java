package org.teracon.workbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A task head's losses with their gradients: each returns the loss and adds dL/d(rows) into the
 * caller's gradient of the head's input rows, and the head's own gradients into {@link Gradients}.
 */
public final class Readouts {
    /** Probabilities are clamped here before the log, so a zero never becomes −∞·0 = NaN. */
    private static final double SMALLEST_PROBABILITY = 1e-30;

    private Readouts() {
    }

    public static INDArray logits(ParameterStore p, String head, INDArray rows) {
        INDArray w = p.get(TaskHead.weight(head));
        INDArray z = Nd4j.createUninitialized(rows.dataType(), rows.rows(), w.columns());
        GemmLanes.gemm(rows, w, z, false, false, 1.0, 0.0);
        return z.addiRowVector(p.get(TaskHead.bias(head)));
    }

    /**
     * Mean cross-entropy of integer targets (−1: no target), with softmax over every output:
     * dZ = softmax(Z) − onehot(target), per counted row, divided by the count. Equals the soft-target
     * cross-entropy with one-hot rows of 1/n and needs no dense target matrix.
     *
     * @return the loss; dRows receives dL/d(rows)
     */
    public static double sparseCrossEntropy(ParameterStore p, String head, INDArray rows, int[] targets, INDArray dRows,
                                            Gradients gradients) {
        int n = (int) rows.rows();
        INDArray z = logits(p, head, rows);
        long classes = z.columns();
        int counted = 0;
        for (int t : targets) if (t >= 0) counted++;
        if (counted == 0) return 0;
        float[] weight = new float[n];
        long[] flat = new long[n];
        for (int i = 0; i < n; i++) {
            weight[i] = targets[i] >= 0 ? 1f / counted : 0f;
            flat[i] = i * classes + Math.max(0, targets[i]);
        }
        Nd4j.exec((org.nd4j.linalg.api.ops.CustomOp) new SoftMax(z, z, 1));
        INDArray w = Nd4j.createFromArray(weight).castTo(z.dataType());
        INDArray index = Nd4j.createFromArray(flat);
        INDArray probs = z.reshape(z.length());
        INDArray picked = Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(probs, index).addIntegerArguments(0).build())[0];
        double loss = -Transforms.log(Transforms.max(picked, SMALLEST_PROBABILITY, false), false).mul(w).sumNumber().doubleValue();
        INDArray dz = z.muliColumnVector(w.reshape(n, 1));
        // the flat indices are distinct (one per row), so this scatter has no write conflicts
        Nd4j.exec(DynamicCustomOp.builder("scatter_sub").addInputs(probs, index, w).addOutputs(probs).build());
        backwardLinear(p, head, rows, dz, dRows, gradients);
        return loss;
    }

    /**
     * −Σ targets ⊙ log softmax(Z); targets carry the normalisation (rows sum to 1/n over n labels), so
     * dZ = softmax(Z)·rowsum(targets) − targets.
     */
    public static double softCrossEntropy(ParameterStore p, String head, INDArray rows, INDArray targets, INDArray dRows,
                                          Gradients gradients) {
        INDArray z = logits(p, head, rows);
        Nd4j.exec((org.nd4j.linalg.api.ops.CustomOp) new SoftMax(z, z, 1));
        double loss = -Transforms.log(Transforms.max(z, SMALLEST_PROBABILITY, true), false).muli(targets).sumNumber().doubleValue();
        INDArray dz = z.muliColumnVector(targets.sum(true, 1)).subi(targets);
        backwardLinear(p, head, rows, dz, dRows, gradients);
        return loss;
    }

    /**
     * Mean BPR loss over pairs k: −log σ(Z[row_k, pos_k] − Z[row_k, neg_k]). With d = z_pos − z_neg,
     * dL/dz_pos = −σ(−d)/P and dL/dz_neg = +σ(−d)/P for P pairs (−log σ(d) computed as softplus(−d)).
     */
    public static double bpr(ParameterStore p, String head, INDArray rows, int[] rowOf, int[] pos, int[] neg, INDArray dRows,
                             Gradients gradients) {
        int pairs = rowOf.length;
        if (pairs == 0) return 0;
        INDArray z = logits(p, head, rows);
        double[] zf = z.dup('c').data().asDouble();
        long classes = z.columns();
        double[] dz = new double[zf.length];
        double loss = 0;
        for (int k = 0; k < pairs; k++) {
            double d = zf[(int) (rowOf[k] * classes + pos[k])] - zf[(int) (rowOf[k] * classes + neg[k])];
            loss += d > 0 ? Math.log1p(Math.exp(-d)) : -d + Math.log1p(Math.exp(d));
            double g = 1 / (1 + Math.exp(d)) / pairs; // σ(−d)/P
            dz[(int) (rowOf[k] * classes + pos[k])] -= g;
            dz[(int) (rowOf[k] * classes + neg[k])] += g;
        }
        INDArray dZ = Nd4j.createFromArray(dz).reshape(z.shape()).castTo(z.dataType());
        backwardLinear(p, head, rows, dZ, dRows, gradients);
        return loss / pairs;
    }

    private static void backwardLinear(ParameterStore p, String head, INDArray rows, INDArray dz, INDArray dRows, Gradients gradients) {
        String w = TaskHead.weight(head);
        String b = TaskHead.bias(head);
        INDArray dw = gradients.wants(w) ? Nd4j.create(dz.dataType(), rows.columns(), dz.columns()) : null;
        GemmLanes.Pending pending = dw == null ? () -> { } : GemmLanes.later(rows, dz, dw, true, false, 1.0, 0.0);
        if (dRows != null) Nd4j.gemm(dz, p.get(w), dRows, false, true, 1.0, 1.0); // beside the weight gradient
        pending.await();
        if (dw != null) gradients.add(w, dw);
        if (gradients.wants(b)) gradients.add(b, TcnEngine.columnSums(dz));
    }
}
