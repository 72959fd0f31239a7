package org.teracon.workbench.model;

import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.teracon.workbench.data.TaskKind;

/**
 * One backbone plus task heads over a parameter store: builds the per-task readout subgraphs.
 * Methods that need several models (SinMo, FineAll) hold several networks.
 */
public final class Network {
    private final BackboneConfig config;
    private final int vocabularySize;
    private final int sequenceLength;
    private final ParameterStore params;

    public Network(BackboneConfig config, int vocabularySize, int sequenceLength, ParameterStore params) {
        this.config = config;
        this.vocabularySize = vocabularySize;
        this.sequenceLength = sequenceLength;
        this.params = params;
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

    /**
     * Training output of a task: all-position logits [B·L, V] for next-item, user logits [B, K] otherwise.
     */
    public SDVariable trainingLogits(GraphVariables v, SDVariable x, TaskKind kind, int stage, LayerHooks hooks) {
        SDVariable hidden = TcnBackbone.hidden(v, x, config, hooks);
        if (kind == TaskKind.NEXT_ITEM) return TaskHead.allPositionLogits(v, hidden, config.channels(), headName(stage));
        return TaskHead.logits(v, TaskHead.at(hidden, sequenceLength - 1, config.channels()), headName(stage));
    }

    /**
     * Evaluation output [B, K]: for next-item the logits after the sequence without its last item (whose
     * last item is the target), otherwise the logits of the user vector (last position).
     */
    public SDVariable predictionLogits(GraphVariables v, SDVariable x, TaskKind kind, int stage, LayerHooks hooks) {
        SDVariable hidden = TcnBackbone.hidden(v, x, config, hooks);
        int position = kind == TaskKind.NEXT_ITEM ? sequenceLength - 2 : sequenceLength - 1;
        return TaskHead.logits(v, TaskHead.at(hidden, position, config.channels()), headName(stage));
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
