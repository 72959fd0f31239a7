package org.teracon.workbench.ui.vm;

import org.teracon.workbench.data.Task;

/** One line of the dataset's task table. */
public record TaskRow(int index, String name, String kind, int users, int instances, int classes) {

    public static TaskRow of(int index, Task t) {
        return new TaskRow(index, t.name(), t.kind().jsonName() + (t.noisy() ? " (noisy)" : ""),
                t.numUsers(), t.numInstances(), t.numClasses());
    }
}
