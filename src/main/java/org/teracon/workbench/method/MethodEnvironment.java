package org.teracon.workbench.method;

import java.util.Random;

/**
 * What the runner hands a method for one stage: schedule, progress sink, the run's random stream and
 * where epoch checkpoints go.
 */
public record MethodEnvironment(TrainingConfig training, TrainingMonitor monitor, Random random, Checkpointer checkpointer) {

    /** Without checkpoints. */
    public MethodEnvironment(TrainingConfig training, TrainingMonitor monitor, Random random) {
        this(training, monitor, random, Checkpointer.NONE);
    }
}
