package org.teracon.workbench.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The papers' noisy task: a fraction of users (50%) each get one of {@code numClasses} (50) random
 * classes. Nothing in the sequences predicts it, so it measures how much a method is hurt by
 * learning a task that only adds noise to the shared representation.
 */
public final class NoisyTaskGenerator {

    public static final double DEFAULT_USER_FRACTION = 0.5;
    public static final int DEFAULT_NUM_CLASSES = 50;

    private NoisyTaskGenerator() {
    }

    public static Task generate(Dataset ds, double userFraction, int numClasses, long seed, String name) {
        if (!(userFraction > 0 && userFraction <= 1) || numClasses < 2) {
            throw new IllegalArgumentException("need 0 < userFraction <= 1 and numClasses >= 2");
        }
        Random random = new Random(seed);
        int n = ds.numUsers();
        int[] users = new int[n];
        for (int i = 0; i < n; i++) {
            users[i] = i;
        }
        int k = Math.max(1, (int) Math.round(n * userFraction));
        // Partial Fisher-Yates: the first k positions become a uniform sample without replacement.
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = users[i];
            users[i] = users[j];
            users[j] = t;
        }
        int[] chosen = Arrays.copyOf(users, k);
        Arrays.sort(chosen);
        int[] labels = new int[k];
        for (int i = 0; i < k; i++) {
            labels[i] = random.nextInt(numClasses);
        }
        List<String> classNames = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            classNames.add("c" + c);
        }
        return new Task(name, TaskKind.CLASSIFICATION, classNames, chosen, labels, true);
    }
}
