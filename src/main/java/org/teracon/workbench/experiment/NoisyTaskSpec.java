package org.teracon.workbench.experiment;

/**
 * A generated noisy task inserted into the task order (paper: 50% of users, one of 50 random classes).
 *
 * @param position 1-based position in the run's task order (>= 2: T1 stays first)
 */
public record NoisyTaskSpec(int position, double userFraction, int classes) {

    public NoisyTaskSpec {
        if (position < 2) throw new IllegalArgumentException("noisy task position must be >= 2 (T1 stays first), got " + position);
        if (!(userFraction > 0 && userFraction <= 1)) throw new IllegalArgumentException("noisy userFraction must be in (0, 1], got " + userFraction);
        if (classes < 2) throw new IllegalArgumentException("noisy task needs >= 2 classes, got " + classes);
    }

    public static final String TASK_NAME = "noisy";
}
