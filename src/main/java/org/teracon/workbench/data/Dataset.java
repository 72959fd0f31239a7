package org.teracon.workbench.data;

import java.util.List;
import java.util.Objects;

/**
 * A loaded dataset: the users' T1 behaviour sequences and the tasks defined over those users.
 *
 * @param itemNames  original item tokens; index 0 is the padding token {@link #PAD}
 * @param userIds    original user ids, index = dense user index
 * @param sequences  per user, dense item ids left-padded with 0 to {@code sequenceLength()}
 * @param tasks      tasks in file order; tasks.get(0) is the NEXT_ITEM task over all users
 * @param report     what the loader skipped or warned about (never silently dropped)
 */
public record Dataset(String name, List<String> itemNames, List<String> userIds, int[][] sequences,
                      List<Task> tasks, LoadReport report) {

    public static final String PAD = "<pad>";

    public Dataset {
        Objects.requireNonNull(name, "name");
        itemNames = List.copyOf(itemNames);
        userIds = List.copyOf(userIds);
        tasks = List.copyOf(tasks);
        if (sequences.length != userIds.size()) {
            throw new IllegalArgumentException("one sequence per user expected");
        }
        if (tasks.isEmpty() || tasks.get(0).kind() != TaskKind.NEXT_ITEM) {
            throw new IllegalArgumentException("the first task must be the next-item task");
        }
    }

    public int numUsers() {
        return userIds.size();
    }

    /** Vocabulary size including the padding index 0. */
    public int vocabularySize() {
        return itemNames.size();
    }

    public int sequenceLength() {
        return sequences.length == 0 ? 0 : sequences[0].length;
    }

    public Task task(String taskName) {
        return tasks.stream().filter(t -> t.name().equals(taskName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("dataset " + name + " has no task '" + taskName
                        + "'; it has " + tasks.stream().map(Task::name).toList()));
    }
}
