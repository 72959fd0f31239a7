package org.teracon.workbench.data;

import java.util.Map;

/**
 * How {@link TtlDatasetReader} interprets the papers' layout.
 *
 * @param lenient           count task lines whose sequence matches no T1 line instead of failing
 * @param itemTaskThreshold a task with more distinct labels than this is an ITEM task, otherwise
 *                          CLASSIFICATION (the reference code's rule, with 20)
 * @param kindOverrides     task number (2, 3, ...) to kind, overriding the threshold rule
 */
public record TtlOptions(boolean lenient, int itemTaskThreshold, Map<Integer, TaskKind> kindOverrides) {

    public static final int DEFAULT_ITEM_TASK_THRESHOLD = 20;

    public TtlOptions {
        kindOverrides = Map.copyOf(kindOverrides);
        if (kindOverrides.containsValue(TaskKind.NEXT_ITEM)) {
            throw new IllegalArgumentException("only task 1 is next-item");
        }
    }

    public static TtlOptions defaults() {
        return new TtlOptions(false, DEFAULT_ITEM_TASK_THRESHOLD, Map.of());
    }

    public TtlOptions withLenient(boolean value) {
        return new TtlOptions(value, itemTaskThreshold, kindOverrides);
    }

    public TtlOptions withKind(int taskNumber, TaskKind kind) {
        var m = new java.util.HashMap<>(kindOverrides);
        m.put(taskNumber, kind);
        return new TtlOptions(lenient, itemTaskThreshold, m);
    }

    TaskKind kindFor(int taskNumber, int distinctLabels) {
        TaskKind override = kindOverrides.get(taskNumber);
        if (override != null) {
            return override;
        }
        return distinctLabels > itemTaskThreshold ? TaskKind.ITEM : TaskKind.CLASSIFICATION;
    }
}
