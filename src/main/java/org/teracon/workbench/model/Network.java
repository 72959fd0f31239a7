package org.teracon.workbench.model;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.data.TaskKind;

/**
 * One backbone plus task heads over a parameter store. Methods that need several models (SinMo,
 * FineAll) hold several networks.
 */
public final class Network implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final BackboneConfig config;
    private final int vocabularySize;
    private final int sequenceLength;
    private final ParameterStore params;
    private final transient TcnEngine engine;

    public Network(BackboneConfig config, int vocabularySize, int sequenceLength, ParameterStore params) {
        this.config = config;
        this.vocabularySize = vocabularySize;
        this.sequenceLength = sequenceLength;
        this.params = params;
        this.engine = new TcnEngine(config);
    }

    /** A checkpointed network comes back with a new engine over its deserialised parameters. */
    private Object readResolve() {
        return new Network(config, vocabularySize, sequenceLength, params);
    }

    public static Network create(BackboneConfig config, int vocabularySize, int sequenceLength, Random rnd) {
        ParameterStore p = new ParameterStore();
        TcnBackbone.init(p, config, vocabularySize, rnd);
        return new Network(config, vocabularySize, sequenceLength, p);
    }

    public Network copy() {
        return new Network(config, vocabularySize, sequenceLength, params.copy());
    }

    public static String headName(int stage) {
        return "head" + stage;
    }

    public void ensureHead(int stage, int outputs, Random rnd) {
        if (!params.has(TaskHead.weight(headName(stage)))) TaskHead.init(params, headName(stage), config.channels(), outputs, rnd);
    }

    public TcnEngine.Pass forward(int[][] sequences, BackboneHooks hooks) {
        return engine.forward(params, sequences, hooks);
    }

    public void backward(TcnEngine.Pass pass, INDArray dHidden, Gradients gradients) {
        engine.backward(params, pass, dHidden, gradients);
    }

    /**
     * The position whose hidden state a task reads at prediction: for next-item the sequence without
     * its last item (whose last item is the target), otherwise the user vector at the last position.
     */
    public int readoutPosition(TaskKind kind) {
        return kind == TaskKind.NEXT_ITEM ? sequenceLength - 2 : sequenceLength - 1;
    }

    /** Prediction logits [B, K] of the task learned at {@code stage}. */
    public INDArray predictionLogits(int[][] sequences, TaskKind kind, int stage, BackboneHooks hooks) {
        TcnEngine.Pass pass = forward(sequences, hooks);
        INDArray users = TcnEngine.at(pass.hidden(), pass.sequences(), pass.length(), readoutPosition(kind));
        return Readouts.logits(params, headName(stage), users);
    }

    /** As {@link #predictionLogits}, run in the evaluation workspace and copied out of it. */
    public INDArray predict(int[][] sequences, TaskKind kind, int stage, BackboneHooks hooks) {
        try (var ignored = Workspaces.evaluation()) {
            return predictionLogits(sequences, kind, stage, hooks).detach();
        }
    }

    /** A zero gradient for the hidden states of a pass (rows (sequence, position)). */
    public INDArray zeroHiddenGradient(TcnEngine.Pass pass) {
        return Nd4j.zeros(pass.hidden().dataType(), pass.hidden().rows(), pass.hidden().columns());
    }

    public BackboneConfig config() {
        return config;
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    public int sequenceLength() {
        return sequenceLength;
    }

    public ParameterStore params() {
        return params;
    }
}
