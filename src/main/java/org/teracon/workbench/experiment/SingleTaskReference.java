package org.teracon.workbench.experiment;

import java.util.List;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.Task;

/** Supplies R̄^{Ti}, the single-task (SinMo) score of each task, for forward transfer; null when there is none. */
@FunctionalInterface
public interface SingleTaskReference {
    double[] scores(ExperimentConfig config, Dataset dataset, List<Task> tasks, CancellationToken cancel);
}
