package org.teracon.workbench.data;

import java.util.Arrays;

/** What a task predicts; decides its head, loss and metric. */
public enum TaskKind {
    /** T1: the next item at every position of the user's own sequence (autoregressive). */
    NEXT_ITEM("next-item"),
    /** Items a user interacted with (clicks, 4-star, 5-star); ranked over all the task's classes. */
    ITEM("item"),
    /** A user profile attribute (gender, age bracket, ...); scored by accuracy. */
    CLASSIFICATION("classification");

    private final String jsonName;

    TaskKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Ranking metrics (MRR@5 ...) for item tasks; accuracy for profile tasks. */
    public boolean isRanking() {
        return this != CLASSIFICATION;
    }

    public static TaskKind fromJson(String name) {
        return Arrays.stream(values())
                .filter(k -> k.jsonName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown task kind '" + name + "', expected one of next-item, item, classification"));
    }
}
