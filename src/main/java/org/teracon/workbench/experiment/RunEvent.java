package org.teracon.workbench.experiment;

import java.util.List;
import java.util.Map;

/**
 * The run's event stream, independent of any GUI toolkit. Listeners receive events on the training
 * thread and must hand them to their own thread (the JavaFX app does so with Platform.runLater).
 */
public sealed interface RunEvent {

    record RunStarted(String runId, ExperimentConfig config, List<String> taskNames, String backend) implements RunEvent {
    }

    record TaskStarted(int stage, String taskName, int stages) implements RunEvent {
    }

    /** @param overallFraction share of all planned batches done; etaSeconds NaN until known */
    record BatchProgress(int stage, int epoch, int batch, int batches, Map<String, Double> losses,
                         double overallFraction, double etaSeconds) implements RunEvent {
    }

    record EpochFinished(int stage, int epoch, Map<String, Double> meanLosses, double validationScore,
                         boolean improved, double seconds) implements RunEvent {
    }

    /** After stage i: the row R(T_i, T_j) for j <= i and the whole matrix so far. */
    record TaskEvaluated(int stage, AccuracyMatrix matrix) implements RunEvent {
    }

    /** After a stage: every learned task's masks [layer][channel] at s_max and their similarities. */
    record MaskSnapshot(int stage, MaskSimilarityTable similarity, Map<String, float[][]> masks) implements RunEvent {
    }

    record SamplingRates(int stage, int epoch, Map<String, Double> rhoByTask) implements RunEvent {
    }

    record RunEnded(RunStatus status, String message, RunResult result) implements RunEvent {
    }

    /**
     * An event of the SinMo run that FWT's single-task reference trains after the run's own stages when
     * none is cached for its setting ({@code folder}: where that run is kept); at the reference size it
     * takes minutes, which a console showed as silence before.
     */
    record ReferenceProgress(String folder, RunEvent event) implements RunEvent {
    }
}
