package org.teracon.workbench.method;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import org.teracon.workbench.data.TaskKind;
import org.teracon.workbench.model.RankingMetrics;

/**
 * How a task is scored: which metric ranks it and which of T1's items are held out. Every output
 * names it beside the metric ({@link #label(String)}), since the two give different numbers.
 * Padding is never a candidate in either (the reference ranks id 0 too; we mask it out).
 */
public enum EvaluationProtocol {
    /**
     * The paper's: T1 scored on each test user's last item only; a task with more than
     * {@value #PAPER_CLASS_LIMIT} classes is ranked by MRR@5, any other by accuracy.
     */
    PAPER("paper", 1, 1),
    /**
     * The workbench's default: T1 on each test user's last {@value Evaluator#NEXT_ITEM_POSITIONS} items
     * (validation on the last {@value Evaluator#NEXT_ITEM_VALIDATION_POSITIONS}), less noisy on small
     * test sets; item tasks by MRR@5, profile tasks by accuracy whatever their class count.
     */
    ROBUST("robust", Evaluator.NEXT_ITEM_POSITIONS, Evaluator.NEXT_ITEM_VALIDATION_POSITIONS);

    /** The reference code ranks a task by MRR@5 when it has more classes than this. */
    public static final int PAPER_CLASS_LIMIT = 20;

    private final String key;
    private final int testPositions;
    private final int validationPositions;

    EvaluationProtocol(String key, int testPositions, int validationPositions) {
        this.key = key;
        this.testPositions = testPositions;
        this.validationPositions = validationPositions;
    }

    /** The name in flags, experiment.json and table headers. */
    @JsonValue
    public String key() {
        return key;
    }

    /** What a file written before protocols existed was scored with. */
    public static EvaluationProtocol defaultProtocol() {
        return ROBUST;
    }

    @JsonCreator
    public static EvaluationProtocol fromKey(String key) {
        if (key == null) return defaultProtocol();
        return Arrays.stream(values()).filter(p -> p.key.equalsIgnoreCase(key.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown protocol '" + key + "', expected paper or robust"));
    }

    /** The metric that ranks a task of this kind and class count (the accuracy matrix's entry). */
    public String primaryMetric(TaskKind kind, int numClasses) {
        if (kind == TaskKind.NEXT_ITEM) return RankingMetrics.MRR5;
        if (this == PAPER) return numClasses > PAPER_CLASS_LIMIT ? RankingMetrics.MRR5 : RankingMetrics.ACCURACY;
        return kind == TaskKind.CLASSIFICATION ? RankingMetrics.ACCURACY : RankingMetrics.MRR5;
    }

    /** How many of a test user's last items T1 is scored on. */
    public int nextItemTestPositions() {
        return testPositions;
    }

    /** How many of a validation user's last items pick T1's best epoch. */
    public int nextItemValidationPositions() {
        return validationPositions;
    }

    /** A metric as every header writes it, e.g. {@code MRR@5 (robust)}. */
    public String label(String metric) {
        return metric + " (" + key + ")";
    }

    /** A task's column as every header writes it, e.g. {@code next_item (MRR@5, robust)}. */
    public String column(String task, String metric) {
        return task + " (" + metric + ", " + key + ")";
    }
}
