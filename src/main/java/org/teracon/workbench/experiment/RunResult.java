package org.teracon.workbench.experiment;

import java.util.List;
import java.util.Map;

/**
 * Everything a run produced; serialised as results.json in the run folder.
 *
 * @param evaluations  every (after stage, task) evaluation with all its metrics (MRR@5, HR@5, NDCG@5 ...)
 * @param stageSeconds wall time per stage (training + evaluation)
 * @param epochSeconds mean seconds per training epoch per stage
 * @param samplingRates last rho_{i,j} per stage i (method-specific, may be empty)
 * @param epochs       every epoch's mean loss terms, validation score and time (loss.csv has every step)
 */
public record RunResult(String runId, ExperimentConfig config, RunStatus status, String message, String backend,
                        AccuracyMatrix matrix, List<TransferScores.Row> transfer, List<Evaluation> evaluations,
                        MaskSimilarityTable maskSimilarity, List<Map<String, Double>> samplingRates,
                        List<Double> stageSeconds, List<Double> epochSeconds, double totalSeconds, List<Epoch> epochs) {

    public record Evaluation(int afterStage, String task, Map<String, Double> metrics) {
    }

    public record Epoch(int stage, String task, int epoch, Map<String, Double> meanLosses, double validationScore,
                        boolean improved, double seconds) {
    }
}
