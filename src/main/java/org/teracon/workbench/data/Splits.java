package org.teracon.workbench.data;

import java.util.Arrays;
import java.util.Random;

/** Seeded 80/5/15 train/validation/test split of a task's instances. */
public final class Splits {

    public static final double VALIDATION_FRACTION = 0.05;
    public static final double TEST_FRACTION = 0.15;

    private Splits() {
    }

    /**
     * Every instance index lands in exactly one part; the same task and seed give the same split.
     * Tasks with at least 3 instances get at least one validation and one test instance, so early
     * stopping and evaluation never see an empty set.
     */
    public static Split split(Task task, long seed) {
        int n = task.numInstances();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int validation = n >= 3 ? Math.max(1, (int) Math.round(n * VALIDATION_FRACTION)) : 0;
        int test = n >= 3 ? Math.max(1, (int) Math.round(n * TEST_FRACTION)) : 0;
        int train = n - validation - test;
        return new Split(sorted(order, 0, train), sorted(order, train, train + validation),
                sorted(order, train + validation, n));
    }

    private static int[] sorted(int[] a, int from, int to) {
        int[] part = Arrays.copyOfRange(a, from, to);
        Arrays.sort(part);
        return part;
    }
}
