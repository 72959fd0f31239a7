package org.teracon.workbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Forward and backward of the NextItNet TCN, written by hand over ND4J arrays in a channels-last layout:
 * activations are [B·L, C] matrices whose rows are (sequence, position). A dilated causal convolution is
 * then one GEMM: the k taps x[t − (k−1−j)·d] are copied side by side into a [B·L, k·C] matrix (zeros
 * before the sequence start) and multiplied by the [k·C, C] weight; its weight gradient and input
 * gradient are the two transposed GEMMs. SameDiff's conv1d spent most of its time permuting NCW
 * arrays around im2col (issue #8); LayerNorm over the contiguous last axis needs no permute either.
 * The result equals SameDiff's conv1d with CAUSAL padding, weight layout [k, C_in, C_out].
 */
public final class TcnEngine {
    /** As PyTorch's LayerNorm default (and the benchmark peer). */
    static final double NORM_EPSILON = 1e-5;

    private final BackboneConfig config;
    private final double normEpsilon;

    public TcnEngine(BackboneConfig config) {
        this(config, NORM_EPSILON);
    }

    /** SameDiff's layer_norm adds no epsilon; tests compare with it at epsilon 0. */
    TcnEngine(BackboneConfig config, double normEpsilon) {
        this.config = config;
        this.normEpsilon = normEpsilon;
    }

    /** What the backward pass needs of one forward pass. */
    public static final class Pass {
        final int sequences;
        final int length;
        final INDArray ids;
        final BackboneHooks hooks;
        final INDArray[] blockInputs;
        final Layer[] layers;
        final Patch[] patches;
        final INDArray hidden;

        Pass(int sequences, int length, INDArray ids, BackboneHooks hooks, INDArray[] blockInputs, Layer[] layers,
             Patch[] patches, INDArray hidden) {
            this.sequences = sequences;
            this.length = length;
            this.ids = ids;
            this.hooks = hooks;
            this.blockInputs = blockInputs;
            this.layers = layers;
            this.patches = patches;
            this.hidden = hidden;
        }

        /** Final hidden states [B·L, C], rows (sequence, position). */
        public INDArray hidden() {
            return hidden;
        }

        public int sequences() {
            return sequences;
        }

        public int length() {
            return length;
        }
    }

    /** One convolution's saved values: taps, weight used, normalised pre-activation, 1/σ, ReLU output, mask. */
    record Layer(INDArray taps, INDArray weight, INDArray normalised, INDArray inverseStd, INDArray relu,
                 INDArray mask, INDArray expandedMask) {
    }

    /** A residual patch's saved values: its input and hidden ReLU output. */
    record Patch(String prefix, INDArray input, INDArray hidden) {
    }

    /** Flattened item ids [B·L] of left-padded sequences of equal length. */
    public static INDArray ids(int[][] sequences) {
        int l = sequences[0].length;
        int[] flat = new int[sequences.length * l];
        for (int i = 0; i < sequences.length; i++) {
            if (sequences[i].length != l) throw new IllegalArgumentException("sequences differ in length: " + sequences[i].length + " vs " + l);
            System.arraycopy(sequences[i], 0, flat, i * l, l);
        }
        return Nd4j.createFromArray(flat);
    }

    public Pass forward(ParameterStore p, int[][] sequences, BackboneHooks hooks) {
        int b = sequences.length;
        int l = sequences[0].length;
        INDArray ids = ids(sequences);
        INDArray h = gather(p.get(TcnBackbone.EMBEDDING), ids);
        INDArray[] blockInputs = new INDArray[config.blocks()];
        Layer[] layers = new Layer[config.maskedLayers()];
        Patch[] patches = new Patch[config.blocks()];
        for (int block = 0; block < config.blocks(); block++) {
            blockInputs[block] = h;
            INDArray branch = h;
            for (int conv = 0; conv < 2; conv++) {
                int k = 2 * block + conv;
                layers[k] = convolve(p, hooks, block, conv, branch, b, l);
                branch = layers[k].expandedMask() == null ? layers[k].relu() : layers[k].relu().mul(layers[k].expandedMask());
            }
            String prefix = hooks.patch(block);
            if (prefix != null) {
                INDArray hidden = Transforms.relu(branch.mmul(p.get(prefix + "W1")).addiRowVector(p.get(prefix + "b1")), false);
                patches[block] = new Patch(prefix, branch, hidden);
                branch = branch.add(hidden.mmul(p.get(prefix + "W2")).addiRowVector(p.get(prefix + "b2")));
            }
            h = h.add(branch);
        }
        return new Pass(b, l, ids, hooks, blockInputs, layers, patches, h);
    }

    private Layer convolve(ParameterStore p, BackboneHooks hooks, int block, int conv, INDArray input, int b, int l) {
        int k = 2 * block + conv;
        int c = config.channels();
        INDArray taps = taps(input, b, l, config.dilation(block, conv));
        INDArray stored = p.get(TcnBackbone.convWeight(block, conv));
        INDArray weight = hooks.effectiveWeight(k, stored.reshape(stored.length() / c, c));
        INDArray z = taps.mmul(weight).addiRowVector(p.get(TcnBackbone.convBias(block, conv)).reshape(1, c));
        z.subiColumnVector(rowMeans(z));
        INDArray inverseStd = Transforms.pow(rowMeans(z.mul(z)).addi(normEpsilon), -0.5, false);
        INDArray normalised = z.muliColumnVector(inverseStd);
        INDArray relu = Transforms.relu(normalised.mulRowVector(p.get(TcnBackbone.normGain(block, conv)).reshape(1, c))
                .addiRowVector(p.get(TcnBackbone.normBias(block, conv)).reshape(1, c)), false);
        INDArray mask = hooks.mask(k);
        return new Layer(taps, weight, normalised, inverseStd, relu, mask, mask == null ? null : expand(mask, b, l));
    }

    /** [B·L, k·C]: block j holds x[t − (k−1−j)·d] of the same sequence, zero before its start. */
    private INDArray taps(INDArray x, int b, int l, int dilation) {
        int c = config.channels();
        int kernel = config.kernelSize();
        INDArray out = Nd4j.zeros(x.dataType(), b, l, (long) kernel * c);
        INDArray x3 = x.reshape('c', b, l, c);
        for (int j = 0; j < kernel; j++) {
            int shift = (kernel - 1 - j) * dilation;
            if (shift >= l) continue;
            out.get(NDArrayIndex.all(), NDArrayIndex.interval(shift, l), NDArrayIndex.interval((long) j * c, (long) (j + 1) * c))
                    .assign(x3.get(NDArrayIndex.all(), NDArrayIndex.interval(0, l - shift), NDArrayIndex.all()));
        }
        return out.reshape('c', (long) b * l, (long) kernel * c);
    }

    /**
     * The gradient of {@link #taps}: dx [B·L, C] = Σ_j dTaps_j moved back by its shift. Each shifted
     * block is first assigned into a zeroed buffer and then added contiguously: libnd4j's in-place add
     * between two strided 3-D views took 4.7 ms at 960×256 where assign + add take 0.5.
     */
    private INDArray untaps(INDArray dTaps, int b, int l, int dilation) {
        int c = config.channels();
        int kernel = config.kernelSize();
        INDArray d3 = dTaps.reshape('c', b, l, (long) kernel * c);
        INDArray dx = d3.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval((long) (kernel - 1) * c, (long) kernel * c))
                .dup('c'); // the unshifted tap
        INDArray shifted = null;
        for (int j = 0; j < kernel - 1; j++) {
            int shift = (kernel - 1 - j) * dilation;
            if (shift >= l) continue;
            if (shifted == null) shifted = Nd4j.zeros(dTaps.dataType(), b, l, c);
            else shifted.get(NDArrayIndex.all(), NDArrayIndex.interval(l - shift, l), NDArrayIndex.all()).assign(0);
            shifted.get(NDArrayIndex.all(), NDArrayIndex.interval(0, l - shift), NDArrayIndex.all())
                    .assign(d3.get(NDArrayIndex.all(), NDArrayIndex.interval(shift, l), NDArrayIndex.interval((long) j * c, (long) (j + 1) * c)));
            dx.addi(shifted);
        }
        return dx.reshape('c', (long) b * l, c);
    }

    /** Σ over rows, [1, C], as a GEMV with a ones row: libnd4j's column reduction is ~10× slower. */
    static INDArray columnSums(INDArray x) {
        INDArray ones = Nd4j.ones(x.dataType(), 1, x.rows());
        return ones.mmul(x);
    }

    /** Mean over columns, [N, 1], as a GEMV. */
    static INDArray rowMeans(INDArray x) {
        return x.mmul(Nd4j.valueArrayOf(new long[] {x.columns(), 1}, 1.0 / x.columns(), x.dataType()));
    }

    /** A [S, C] per-sequence mask repeated over the L positions of each sequence, or a [1, C] mask as is. */
    private static INDArray expand(INDArray mask, int b, int l) {
        if (mask.rows() == 1) return mask.reshape(1, mask.length());
        if (mask.rows() != b) throw new IllegalArgumentException("mask has " + mask.rows() + " rows for " + b + " sequences");
        return mask.repeat(0, l); // each sequence's row l times in a row, as numpy.repeat(axis=0)
    }

    /**
     * Backward pass from dL/d(hidden) [B·L, C]: adds the gradients of every parameter that
     * {@code gradients} wants, and hands mask and effective-weight gradients to the pass's hooks.
     */
    public void backward(ParameterStore p, Pass pass, INDArray dHidden, Gradients gradients) {
        int b = pass.sequences;
        int l = pass.length;
        BackboneHooks hooks = pass.hooks;
        INDArray dh = dHidden;
        for (int block = config.blocks() - 1; block >= 0; block--) {
            INDArray dBranch = dh;
            Patch patch = pass.patches[block];
            if (patch != null) dBranch = dBranch.add(patchBackward(p, patch, dh, gradients));
            for (int conv = 1; conv >= 0; conv--) {
                int k = 2 * block + conv;
                dBranch = convolveBackward(p, hooks, pass.layers[k], block, conv, dBranch, b, l, gradients);
            }
            dh = dh.add(dBranch);
        }
        String emb = TcnBackbone.EMBEDDING;
        if (gradients.wants(emb)) {
            // dE = onehot(ids)ᵀ·dX as one GEMM: libnd4j's scatter_add lost updates of repeated ids on 2 threads
            INDArray embedding = p.get(emb);
            INDArray oneHot = Nd4j.create(embedding.dataType(), pass.ids.length(), embedding.rows());
            Nd4j.exec(new org.nd4j.linalg.api.ops.impl.shape.OneHot(pass.ids, oneHot, (int) embedding.rows(), -1, 1.0, 0.0));
            INDArray dE = Nd4j.create(embedding.dataType(), embedding.rows(), embedding.columns());
            Nd4j.gemm(oneHot, dh, dE, true, false, 1.0, 0.0);
            dE.getRow(0).assign(0); // padding stays zero
            gradients.add(emb, dE);
        }
    }

    private INDArray convolveBackward(ParameterStore p, BackboneHooks hooks, Layer layer, int block, int conv, INDArray dOut,
                                      int b, int l, Gradients gradients) {
        int k = 2 * block + conv;
        int c = config.channels();
        INDArray dRelu = dOut;
        if (layer.mask() != null) {
            INDArray product = dOut.mul(layer.relu());
            INDArray dMask = layer.mask().rows() == 1 ? columnSums(product)
                    : product.reshape('c', b, l, c).sum(1);
            hooks.maskGradient(k, dMask);
            dRelu = dOut.mul(layer.expandedMask());
        }
        INDArray dy = dRelu.mul(Transforms.sign(layer.relu(), true));
        String gain = TcnBackbone.normGain(block, conv);
        String bias = TcnBackbone.normBias(block, conv);
        if (gradients.wants(gain)) gradients.add(gain, columnSums(dy.mul(layer.normalised())));
        if (gradients.wants(bias)) gradients.add(bias, columnSums(dy));
        INDArray dNorm = dy.mulRowVector(p.get(gain).reshape(1, c));
        INDArray meanD = rowMeans(dNorm);
        INDArray meanDX = rowMeans(dNorm.mul(layer.normalised()));
        INDArray dz = dNorm.subiColumnVector(meanD).subi(layer.normalised().mulColumnVector(meanDX)).muliColumnVector(layer.inverseStd());
        String convBias = TcnBackbone.convBias(block, conv);
        if (gradients.wants(convBias)) gradients.add(convBias, columnSums(dz));
        String weight = TcnBackbone.convWeight(block, conv);
        if (gradients.wants(weight) || hooks.wantsWeightGradient(k)) {
            INDArray dW = Nd4j.create(dz.dataType(), layer.weight().rows(), c);
            Nd4j.gemm(layer.taps(), dz, dW, true, false, 1.0, 0.0);
            hooks.weightGradient(k, weight, dW, gradients);
        }
        INDArray dTaps = Nd4j.create(dz.dataType(), layer.taps().rows(), layer.taps().columns());
        Nd4j.gemm(dz, layer.weight(), dTaps, false, true, 1.0, 0.0);
        return untaps(dTaps, b, l, config.dilation(block, conv));
    }

    /** Gradient of branch + relu(branch·W1 + b1)·W2 + b2 w.r.t. branch, minus the identity part. */
    private static INDArray patchBackward(ParameterStore p, Patch patch, INDArray dOut, Gradients gradients) {
        String pre = patch.prefix();
        gradients.add(pre + "W2", patch.hidden().transpose().mmul(dOut));
        gradients.add(pre + "b2", dOut.sum(true, 0));
        INDArray dHidden = dOut.mmul(p.get(pre + "W2").transpose()).muli(Transforms.sign(patch.hidden(), true));
        gradients.add(pre + "W1", patch.input().transpose().mmul(dHidden));
        gradients.add(pre + "b1", dHidden.sum(true, 0));
        return dHidden.mmul(p.get(pre + "W1").transpose());
    }

    private static INDArray gather(INDArray embedding, INDArray ids) {
        return Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(embedding, ids).addIntegerArguments(0).build())[0];
    }

    /** Rows of {@code hidden} [B·L, C] at {@code position} of every sequence: [B, C]. */
    public static INDArray at(INDArray hidden, int sequences, int length, int position) {
        INDArray h3 = hidden.reshape('c', sequences, length, hidden.columns());
        return h3.get(NDArrayIndex.all(), NDArrayIndex.point(position), NDArrayIndex.all()).dup('c');
    }

    /** Adds dU [B, C] into the rows of dHidden [B·L, C] at {@code position}. */
    public static void addAt(INDArray dHidden, int sequences, int length, int position, INDArray dU) {
        INDArray d3 = dHidden.reshape('c', sequences, length, dHidden.columns());
        INDArrayIndex[] at = {NDArrayIndex.all(), NDArrayIndex.point(position), NDArrayIndex.all()};
        d3.get(at).addi(dU);
    }
}
