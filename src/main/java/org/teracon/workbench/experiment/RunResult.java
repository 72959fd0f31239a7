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

    /** Key in an evaluation's metrics: the number of test users the scores were computed on. */
    public static final String TEST_USERS = "test_users";

    /** Test users of {@code task}'s last evaluation, or -1 when the run did not record them. */
    public int testUsers(String task) {
        int n = -1;
        if (evaluations == null) return n;
        for (Evaluation e : evaluations) {
            Double v = e.task().equals(task) && e.metrics() != null ? e.metrics().get(TEST_USERS) : null;
            if (v != null) n = v.intValue();
        }
        return n;
    }

    /** The same run with its transfer table recomputed (e.g. FWT once its SinMo reference exists). */
    public RunResult withTransfer(List<TransferScores.Row> rows) {
        return new RunResult(runId, config, status, message, backend, matrix, rows, evaluations, maskSimilarity, samplingRates,
                stageSeconds, epochSeconds, totalSeconds, epochs);
    }

    public record Evaluation(int afterStage, String task, Map<String, Double> metrics) implements java.io.Serializable {
    }

    public record Epoch(int stage, String task, int epoch, Map<String, Double> meanLosses, double validationScore,
                        boolean improved, double seconds) implements java.io.Serializable {
    }
}
