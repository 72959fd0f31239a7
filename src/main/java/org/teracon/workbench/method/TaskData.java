package org.teracon.workbench.method;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teracon.workbench.data.Split;
import org.teracon.workbench.data.Task;
import org.teracon.workbench.data.TaskKind;

/**
 * One task as a method sees it at its position in the run's order.
 *
 * @param stage      0-based position in the task order (stage 0 = T1)
 * @param sequences  every user's T1 sequence (the shared input of all tasks)
 * @param protocol   how the task is scored (null: {@link EvaluationProtocol#defaultProtocol()})
 */
public record TaskData(int stage, Task task, Split split, int[][] sequences, int vocabularySize, EvaluationProtocol protocol) implements java.io.Serializable {

    public TaskData {
        if (protocol == null) protocol = EvaluationProtocol.defaultProtocol();
    }

    /** Scored with the default protocol. */
    public TaskData(int stage, Task task, Split split, int[][] sequences, int vocabularySize) {
        this(stage, task, split, sequences, vocabularySize, null);
    }

    public String name() {
        return task.name();
    }

    public TaskKind kind() {
        return task.kind();
    }

    public int sequenceLength() {
        return sequences[0].length;
    }

    /** Output size of the task's head: the item vocabulary for next-item, else the class count. */
    public int outputSize() {
        return kind() == TaskKind.NEXT_ITEM ? vocabularySize : task.numClasses();
    }

    /** The metric that ranks this task under its protocol. */
    public String primaryMetric() {
        return protocol.primaryMetric(kind(), task.numClasses());
    }

    /** Users of the given instances with all their labels: one training row per user. */
    public UserLabels byUser(int[] instances) {
        Map<Integer, List<Integer>> grouped = new LinkedHashMap<>();
        for (int i : instances) {
            var labels = grouped.computeIfAbsent(task.users()[i], u -> new java.util.ArrayList<>());
            if (kind() != TaskKind.NEXT_ITEM) labels.add(task.labels()[i]);
        }
        int[] users = grouped.keySet().stream().mapToInt(Integer::intValue).toArray();
        int[][] labels = grouped.values().stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        return new UserLabels(users, labels);
    }

    public int[][] sequencesOf(int[] users) {
        return Arrays.stream(users).mapToObj(u -> sequences[u]).toArray(int[][]::new);
    }

    /** Training rows grouped by user; a user with q labels is still q instances of the loss. */
    public record UserLabels(int[] users, int[][] labels) {
        public int size() {
            return users.length;
        }
    }
}
