package org.teracon.workbench.model;

import java.util.Random;

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
}
