package org.teracon.workbench.model;

import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.SDIndex;

/**
 * A task's linear head and the readouts of the hidden states: the user vector is the last position's
 * state; the next-item task scores every position during training and, for evaluation and knowledge
 * retention, the second-to-last position (the sequence without its last item, as the reference does).
 */
public final class TaskHead {
    private TaskHead() {
    }

    public static String weight(String head) {
        return head + ".W";
    }

    public static String bias(String head) {
        return head + ".b";
    }

    public static void init(ParameterStore p, String head, int channels, int classes, Random rnd) {
        p.put(weight(head), Init.xavier(rnd, channels, classes, channels, classes));
        p.put(bias(head), Init.constant(0, 1, classes));
    }

    /** Hidden state at {@code position} as a [B, C] matrix. */
    public static SDVariable at(SDVariable hidden, int position, int channels) {
        return hidden.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(position, position + 1)).reshape(-1, channels);
    }

    public static SDVariable logits(GraphVariables v, SDVariable userVectors, String head) {
        return userVectors.mmul(v.get(weight(head))).add(v.get(bias(head)));
    }

    /** Logits of every position, rows ordered (user, position): [B·L, V]. */
    public static SDVariable allPositionLogits(GraphVariables v, SDVariable hidden, int channels, String head) {
        SDVariable rows = hidden.permute(0, 2, 1).reshape(-1, channels);
        return logits(v, rows, head);
    }

    /**
     * -Σ targets ⊙ log softmax(logits). Targets carry the normalisation (rows sum to 1/n over the n
     * labelled rows), so multi-label users and masked padding positions need no special op.
     */
    public static SDVariable softTargetCrossEntropy(SameDiff sd, SDVariable logits, SDVariable targets) {
        return sd.math().neg(sd.sum(targets.mul(sd.nn().logSoftmax(logits))));
    }
}
