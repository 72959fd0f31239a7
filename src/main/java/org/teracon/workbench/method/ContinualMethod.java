package org.teracon.workbench.method;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A continual-learning strategy over the shared engine: learns the tasks one after another and
 * predicts any task learned so far. The runner evaluates every learned task after each stage.
 */
public interface ContinualMethod {

    String name();

    /**
     * Learns the last task of {@code tasks}; the earlier entries are the tasks already learned, in order.
     */
    void learn(List<TaskData> tasks, MethodEnvironment env);

    /**
     * Prediction logits [rows, outputs] of the task learned at {@code stage} for the given (left-padded)
     * sequences: for next-item, the scores of the item after the sequence without its last item.
     */
    INDArray predict(int stage, int[][] sequences);

    /** Each learned task's masks [layer][channel] at evaluation sharpness; empty for methods without masks. */
    default Map<String, float[][]> masks() {
        return Map.of();
    }

    /** The latest sampling rate per old task (methods with relation-aware sampling). */
    default Map<String, Double> samplingRates() {
        return Map.of();
    }
}
