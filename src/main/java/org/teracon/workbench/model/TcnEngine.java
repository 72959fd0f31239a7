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

    /**
     * The worker lane's share of the input-gradient GEMM: it also computes every weight gradient, so it
     * takes less than half (0.4 balanced the two lanes at the reference size; README, Benchmark).
     */
    static final double DTAPS_WORKER_SHARE = 0.4;

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
                 INDArray mask) {
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
                branch = layers[k].mask() == null ? layers[k].relu() : masked(layers[k].relu(), layers[k].mask(), b, l);
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
        // gemm into a row-major result: mmul's column-major one made every later row-wise op strided
        INDArray z = Nd4j.createUninitialized(taps.dataType(), taps.rows(), c);
        GemmLanes.gemm(taps, weight, z, false, false, 1.0, 0.0);
        z.addiRowVector(p.get(TcnBackbone.convBias(block, conv)).reshape(1, c));
        // libnd4j's reductions along the contiguous last axis beat a GEMV here (0.19 vs 0.27 ms at 960×256),
        // and the norm gives the variance in one pass without forming z²
        z.subiColumnVector(z.mean(1).reshape(z.rows(), 1));
        INDArray norm = z.norm2(1).reshape(z.rows(), 1);
        INDArray inverseStd = Transforms.pow(norm.muli(norm).divi(c).addi(normEpsilon), -0.5, false);
        INDArray normalised = z.muliColumnVector(inverseStd);
        INDArray relu = Transforms.relu(normalised.mulRowVector(p.get(TcnBackbone.normGain(block, conv)).reshape(1, c))
                .addiRowVector(p.get(TcnBackbone.normBias(block, conv)).reshape(1, c)), false);
        INDArray mask = hooks.mask(k);
        if (mask != null && mask.rows() != 1 && mask.rows() != b) {
            throw new IllegalArgumentException("mask has " + mask.rows() + " rows for " + b + " sequences");
        }
        return new Layer(taps, weight, normalised, inverseStd, relu, mask);
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

    /**
     * x [B·L, C] times a [1, C] mask on every row, or a [B, C] mask with row i on the L rows of sequence
     * i: x as [B, L, C] times the mask as [B, 1, C] by libnd4j's broadcasting multiply. Repeating the mask
     * to [B·L, C] first cost 1.3 ms at 69×30×64 against 0.25-0.5 for a broadcast op (probe; issue #8), and
     * the legacy broadcast along dimensions (0, 2) took 93-131 µs there against 53-98 µs for this one
     * (throwaway microbenchmark, 2026-12-01, three rounds of 2,000 calls each).
     */
    static INDArray masked(INDArray x, INDArray mask, int b, int l) {
        if (mask.rows() == 1) return x.mulRowVector(mask.reshape(1, mask.length()));
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.rows(), x.columns());
        long c = x.columns();
        Nd4j.exec(DynamicCustomOp.builder("multiply").addInputs(x.reshape('c', b, l, c), mask.reshape('c', b, 1, c))
                .addOutputs(out.reshape('c', b, l, c)).build());
        return out;
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
        java.util.List<Runnable> deferred = new java.util.ArrayList<>();
        for (int block = config.blocks() - 1; block >= 0; block--) {
            INDArray dBranch = dh;
            Patch patch = pass.patches[block];
            if (patch != null) dBranch = dBranch.add(patchBackward(p, patch, dh, gradients));
            for (int conv = 1; conv >= 0; conv--) {
                int k = 2 * block + conv;
                dBranch = convolveBackward(p, hooks, pass.layers[k], block, conv, dBranch, b, l, gradients, deferred);
            }
            dh = dh.add(dBranch);
        }
        String emb = TcnBackbone.EMBEDDING;
        if (gradients.wants(emb)) deferred.add(embeddingGradient(p.get(emb), pass, dh, gradients));
        deferred.forEach(Runnable::run); // in the order the sequential pass added them
    }

    /**
     * dE = onehot(ids)ᵀ·dX over the batch's distinct items only, started on the worker lane: one GEMM
     * (libnd4j's scatter_add lost updates of repeated ids on 2 threads), [U × B·L]·[B·L × C] for the U
     * distinct non-padding ids instead of the whole vocabulary, then one scatter of those U rows. Padding
     * rows go to a spare column U that is dropped: the padding row of E gets no gradient and stays zero.
     */
    private static Runnable embeddingGradient(INDArray embedding, Pass pass, INDArray dh, Gradients gradients) {
        int[] flat = pass.ids.toIntVector();
        java.util.Map<Integer, Integer> column = new java.util.LinkedHashMap<>();
        for (int id : flat) if (id != 0) column.putIfAbsent(id, column.size());
        int distinct = column.size();
        int[] compact = new int[flat.length];
        for (int i = 0; i < flat.length; i++) compact[i] = flat[i] == 0 ? distinct : column.get(flat[i]);
        INDArray oneHot = Nd4j.create(embedding.dataType(), flat.length, distinct + 1);
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.shape.OneHot(Nd4j.createFromArray(compact), oneHot, distinct + 1, -1, 1.0, 0.0));
        INDArray dCompact = Nd4j.create(embedding.dataType(), distinct + 1, embedding.columns());
        GemmLanes.Pending pending = GemmLanes.later(oneHot, dh, dCompact, true, false, 1.0, 0.0);
        INDArray rows = Nd4j.createFromArray(column.keySet().stream().mapToInt(Integer::intValue).toArray());
        return () -> {
            pending.await();
            INDArray dE = Nd4j.create(embedding.dataType(), embedding.rows(), embedding.columns());
            if (distinct > 0) {
                INDArray updates = dCompact.get(NDArrayIndex.interval(0, distinct), NDArrayIndex.all());
                Nd4j.exec(DynamicCustomOp.builder("scatter_upd").addInputs(dE, rows, updates).addOutputs(dE).build());
            }
            gradients.add(TcnBackbone.EMBEDDING, dE);
        };
    }

    private INDArray convolveBackward(ParameterStore p, BackboneHooks hooks, Layer layer, int block, int conv, INDArray dOut,
                                      int b, int l, Gradients gradients, java.util.List<Runnable> deferred) {
        int k = 2 * block + conv;
        int c = config.channels();
        INDArray dRelu = dOut;
        if (layer.mask() != null) {
            Runnable sums = hooks.maskGradientWork(k, dOut, layer.relu(), b, l);
            if (sums != null) {
                // off the critical path: the worker lane was idle for ~60-70 % of a default-size step (throwaway probe)
                deferred.add(GemmLanes.background(sums)::await);
            } else {
                INDArray product = dOut.mul(layer.relu());
                hooks.maskGradient(k, layer.mask().rows() == 1 ? columnSums(product) : product.reshape('c', b, l, c).sum(1));
            }
            dRelu = masked(dOut, layer.mask(), b, l);
        }
        INDArray dy = dRelu.mul(Transforms.sign(layer.relu(), true));
        String gain = TcnBackbone.normGain(block, conv);
        String bias = TcnBackbone.normBias(block, conv);
        INDArray gainRow = p.get(gain).reshape(1, c);
        INDArray dyNormalised = dy.mul(layer.normalised());
        if (gradients.wants(gain)) gradients.add(gain, columnSums(dyNormalised));
        if (gradients.wants(bias)) gradients.add(bias, columnSums(dy));
        // the row means of dy⊙g and dy⊙g⊙x̂ as GEMVs with g/C, so dy⊙g is formed once, in place
        INDArray gainOverC = gainRow.reshape(c, 1).div(c);
        INDArray meanD = dy.mmul(gainOverC);
        INDArray meanDX = dyNormalised.mmul(gainOverC);
        INDArray dz = dy.muliRowVector(gainRow).subiColumnVector(meanD)
                .subi(layer.normalised().mulColumnVector(meanDX)).muliColumnVector(layer.inverseStd());
        String convBias = TcnBackbone.convBias(block, conv);
        if (gradients.wants(convBias)) gradients.add(convBias, columnSums(dz));
        // the input gradient first, split between the lanes: the next layer waits for it
        INDArray dTaps = Nd4j.create(dz.dataType(), layer.taps().rows(), layer.taps().columns());
        GemmLanes.gemm(dz, layer.weight(), dTaps, false, true, 1.0, 0.0, DTAPS_WORKER_SHARE);
        String weight = TcnBackbone.convWeight(block, conv);
        if (gradients.wants(weight) || hooks.wantsWeightGradient(k)) {
            INDArray dW = Nd4j.create(dz.dataType(), layer.weight().rows(), c);
            // off the critical path: the worker lane computes it while this thread goes on backwards
            GemmLanes.Pending pending = GemmLanes.later(layer.taps(), dz, dW, true, false, 1.0, 0.0);
            deferred.add(() -> {
                pending.await();
                hooks.weightGradient(k, weight, dW, gradients);
            });
        }
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
