package org.teracon.workbench.method;

import java.util.Random;

/** What the runner hands a method for one stage: schedule, progress sink and the run's random stream. */
public record MethodEnvironment(TrainingConfig training, TrainingMonitor monitor, Random random) {
}
