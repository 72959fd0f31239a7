package org.teracon.workbench.method;

import org.teracon.workbench.model.AdamOptimizer;
import org.teracon.workbench.model.Optimizer;
import org.teracon.workbench.model.SgdOptimizer;

/**
 * Which optimiser a stage steps with, and the epoch rule that goes with it: Adam at the experiment's
 * learning rate with early stopping after {@code patience} stale epochs (every method's default), or
 * SGD with hat.py's plateau schedule (divide lr by {@code factor} after {@code lrPatience} epochs
 * without a better validation score; stop once lr falls below {@code lrMin}; the epoch cap still holds).
 */
public sealed interface StageOptimizer extends java.io.Serializable {

    /** The optimiser for a stage and the rule that stops its epochs. */
    record Built(Optimizer optimizer, StageTrainer.StopRule stopRule) {
    }

    Built build(MethodEnvironment env, int stage);

    StageOptimizer ADAM = new Adam();

    record Adam() implements StageOptimizer {
        @Override
        public Built build(MethodEnvironment env, int stage) {
            int patience = env.training().patience();
            return new Built(new AdamOptimizer(env.training().learningRateFor(stage)), (improved, stale) -> stale >= patience);
        }
    }

    record SgdPlateau(double learningRate, double lrMin, double factor, int lrPatience) implements StageOptimizer {
        @Override
        public Built build(MethodEnvironment env, int stage) {
            SgdOptimizer sgd = new SgdOptimizer(learningRate);
            return new Built(sgd, new PlateauSchedule(sgd, lrMin, factor, lrPatience));
        }
    }
}
