package org.teracon.workbench.data;

import java.util.List;
import java.util.Objects;

/**
 * One task of the sequence: instances are (user, class) pairs; a user with q labels is q instances,
 * as in the papers' TTL layout. For the next-item task every user is one instance and the class
 * vocabulary is the item vocabulary (index 0 = padding), so {@code labels} is empty.
 *
 * @param classNames the original label tokens, index = dense class id
 * @param users      dataset user index of each instance
 * @param labels     dense class id of each instance (same length as users; empty for NEXT_ITEM)
 * @param noisy      true for a generated noisy task (random labels)
 */
public record Task(String name, TaskKind kind, List<String> classNames, int[] users, int[] labels, boolean noisy) implements java.io.Serializable {

    public Task {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        classNames = List.copyOf(classNames);
        if (kind != TaskKind.NEXT_ITEM && users.length != labels.length) {
            throw new IllegalArgumentException("task " + name + ": users and labels differ in length");
        }
    }

    public int numClasses() {
        return classNames.size();
    }

    public int numInstances() {
        return users.length;
    }

    /** Number of distinct users that have at least one instance. */
    public int numUsers() {
        return (int) java.util.Arrays.stream(users).distinct().count();
    }
}
