package org.teracon.workbench.experiment;

import java.util.List;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.Task;

/** Supplies R̄^{Ti}, the single-task (SinMo) score of each task, for forward transfer; null when there is none. */
@FunctionalInterface
public interface SingleTaskReference {
    /** The method whose own runs are the reference. */
    String METHOD = "sinmo";

    /** @param listener receives the events of a reference run trained now, each as a {@link RunEvent.ReferenceProgress} */
    double[] scores(ExperimentConfig config, Dataset dataset, List<Task> tasks, RunListener listener, CancellationToken cancel);

    /**
     * A finished run of {@link #METHOD}: a caching reference keeps it for every config that differs only
     * in method. Here, not as a cast in the runner, so the runner needs no particular reference class.
     */
    default void remember(ExperimentConfig config, RunResult result) {
    }
}
