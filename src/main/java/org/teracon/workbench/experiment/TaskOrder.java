package org.teracon.workbench.experiment;

import java.util.ArrayList;
import java.util.List;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.NoisyTaskGenerator;
import org.teracon.workbench.data.Task;
import org.teracon.workbench.data.TaskKind;

/** The run's task sequence: the configured order (or the dataset's), with the noisy task inserted. */
public final class TaskOrder {
    private TaskOrder() {
    }

    public static List<Task> resolve(Dataset dataset, ExperimentConfig config) {
        List<Task> tasks = new ArrayList<>();
        if (config.taskOrder().isEmpty()) {
            tasks.addAll(dataset.tasks());
        } else {
            for (String name : config.taskOrder()) tasks.add(dataset.task(name));
        }
        if (tasks.isEmpty() || tasks.get(0).kind() != TaskKind.NEXT_ITEM) {
            throw new IllegalArgumentException("the task order must start with the next-item task (T1), got "
                    + tasks.stream().map(Task::name).toList());
        }
        for (int i = 1; i < tasks.size(); i++) {
            if (tasks.get(i).kind() == TaskKind.NEXT_ITEM) throw new IllegalArgumentException("only the first task may be next-item");
        }
        if (tasks.stream().map(Task::name).distinct().count() != tasks.size()) {
            throw new IllegalArgumentException("a task appears twice in the order " + config.taskOrder());
        }
        NoisyTaskSpec noisy = config.noisyTask();
        if (noisy != null) {
            if (noisy.position() > tasks.size() + 1) {
                throw new IllegalArgumentException("noisy task position " + noisy.position() + " is past the end of the "
                        + tasks.size() + "-task order");
            }
            if (tasks.stream().anyMatch(t -> t.name().equals(NoisyTaskSpec.TASK_NAME))) {
                throw new IllegalArgumentException("the dataset already has a task named '" + NoisyTaskSpec.TASK_NAME + "'");
            }
            Task generated = NoisyTaskGenerator.generate(dataset, noisy.userFraction(), noisy.classes(), config.seed(), NoisyTaskSpec.TASK_NAME);
            tasks.add(noisy.position() - 1, generated);
        }
        return tasks;
    }
}
