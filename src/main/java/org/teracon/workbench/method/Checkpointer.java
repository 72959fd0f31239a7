package org.teracon.workbench.method;

import java.io.Serializable;
import java.util.List;
import org.teracon.workbench.model.ParameterStore;

/**
 * Where {@link StageTrainer} leaves its state at the end of every epoch, and finds it again when a
 * run resumes: the run folder's checkpoints (experiment layer), or nothing ({@link #NONE}).
 */
public interface Checkpointer {

    Checkpointer NONE = new Checkpointer() {
        @Override
        public Session open(int stage) {
            return Session.NONE;
        }
    };

    /** One epoch loop's checkpoints; a stage's second loop (Conure's retraining) gets {@link Session#NONE}. */
    Session open(int stage);

    interface Session {
        Session NONE = new Session() {
            @Override
            public EpochState resumePoint() {
                return null;
            }

            @Override
            public void epochEnded(EpochState state) {
            }
        };

        /** The state after the last checkpointed epoch of this loop, or null to start at epoch 1. */
        EpochState resumePoint();

        void epochEnded(EpochState state);
    }

    /** A part of a stage that changes from epoch to epoch outside the parameters (optimiser, schedule, plugins). */
    interface Part {
        /** A deep copy of its state (null: none). */
        Serializable state();

        void restore(Serializable state);
    }

    /**
     * The epoch loop after epoch {@code epoch}: its counters, the best epoch's parameters, the live
     * parameters, each part's state (in the order the loop was given its parts), the random stream and
     * whether the stop rule ended the loop after this epoch.
     */
    record EpochState(int epoch, double best, int bestEpoch, int stale, boolean stopped, List<ParameterStore> bestParams,
                      List<ParameterStore> live, List<Serializable> parts, RunRandom.State random, List<Double> seconds)
            implements Serializable {
    }
}
