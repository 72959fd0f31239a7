package org.teracon.workbench.ui.vm;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One entry of the task-order list: a dataset task, or the generated noisy task. A dataset may bring
 * its own noisy task (random labels, {@code "noisy": true} in dataset.json); the list treats it as the
 * experiment's noisy task too, so there is only ever one noisy task on screen.
 */
public final class TaskOrderItem {
    private final String name;
    private final String detail;
    private final boolean first;
    private final boolean noisy;
    private final boolean datasetNoisy;
    private final BooleanProperty included = new SimpleBooleanProperty(true);

    private TaskOrderItem(String name, String detail, boolean first, boolean noisy, boolean datasetNoisy) {
        this.name = name;
        this.detail = detail;
        this.first = first;
        this.noisy = noisy;
        this.datasetNoisy = datasetNoisy;
        // T1 is the base representation every later task builds on: it cannot be left out.
        if (first) included.addListener((o, was, now) -> {
            if (!now) included.set(true);
        });
    }

    public static TaskOrderItem task(String name, String detail, boolean first) {
        return new TaskOrderItem(name, detail, first, false, false);
    }

    /** The dataset's own noisy task: a dataset task (its name goes into the order) shown as the noisy task. */
    public static TaskOrderItem datasetNoisy(String name, String detail) {
        return new TaskOrderItem(name, detail, false, false, true);
    }

    public static TaskOrderItem noisy(String detail) {
        return new TaskOrderItem(org.teracon.workbench.experiment.NoisyTaskSpec.TASK_NAME, detail, false, true, false);
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

    /** The generated noisy task (inserted from the form; not a dataset task). */
    public boolean isNoisy() {
        return noisy;
    }

    /** The dataset's own noisy task. */
    public boolean isDatasetNoisy() {
        return datasetNoisy;
    }

    /** Either kind: what the list styles as noisy and the position spinner follows. */
    public boolean isAnyNoisy() {
        return noisy || datasetNoisy;
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
