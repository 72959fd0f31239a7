package org.teracon.workbench.ui.vm;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One entry of the task-order list: a dataset task, or the generated noisy task. */
public final class TaskOrderItem {
    private final String name;
    private final String detail;
    private final boolean first;
    private final boolean noisy;
    private final BooleanProperty included = new SimpleBooleanProperty(true);

    private TaskOrderItem(String name, String detail, boolean first, boolean noisy) {
        this.name = name;
        this.detail = detail;
        this.first = first;
        this.noisy = noisy;
        // T1 is the base representation every later task builds on: it cannot be left out.
        if (first) included.addListener((o, was, now) -> {
            if (!now) included.set(true);
        });
    }

    public static TaskOrderItem task(String name, String detail, boolean first) {
        return new TaskOrderItem(name, detail, first, false);
    }

    public static TaskOrderItem noisy(String detail) {
        return new TaskOrderItem(org.teracon.workbench.experiment.NoisyTaskSpec.TASK_NAME, detail, false, true);
    }

    public String name() {
        return name;
    }

    public String detail() {
        return detail;
    }

    /** T1: pinned to the top and always included. */
    public boolean isFirst() {
        return first;
    }

    public boolean isNoisy() {
        return noisy;
    }

    public BooleanProperty includedProperty() {
        return included;
    }

    public boolean isIncluded() {
        return included.get();
    }

    @Override
    public String toString() {
        return name;
    }
}
