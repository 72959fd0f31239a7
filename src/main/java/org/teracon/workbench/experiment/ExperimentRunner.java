package org.teracon.workbench.experiment;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.data.Splits;
import org.teracon.workbench.data.Task;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.Evaluator;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.TrainingMonitor;
import org.teracon.workbench.method.teracon.MaskRelations;

/**
 * Runs one experiment: the tasks in order, every learned task evaluated on its test split after each
 * stage (filling R(T_j, T_i)), BWT/FWT, mask similarity, and the run folder rewritten after each stage.
 */
public final class ExperimentRunner {
    private final SingleTaskReference reference;

    /** Without FWT references (FWT stays empty unless the method is SinMo itself). */
    public ExperimentRunner() {
        this(null);
    }

    public ExperimentRunner(SingleTaskReference reference) {
        this.reference = reference;
    }

    public RunResult run(ExperimentConfig config, Path outDir, RunListener listener, CancellationToken cancel) {
        Dataset dataset = DatasetLoader.load(Path.of(config.dataset()));
        return run(config, dataset, outDir, listener, cancel);
    }

    public RunResult run(ExperimentConfig config, Dataset dataset, Path outDir, RunListener listener, CancellationToken cancel) {
        RunFolder folder = new RunFolder(outDir);
        String runId = outDir.getFileName() + "";
        RunState state = new RunState(runId, config, folder, listener, cancel);
        folder.writeExperiment(config);
        try {
            List<Task> tasks = TaskOrder.resolve(dataset, config);
            List<TaskData> data = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                data.add(new TaskData(i, tasks.get(i), Splits.split(tasks.get(i), splitSeed(config.seed(), tasks.get(i).name())),
                        dataset.sequences(), dataset.vocabularySize(), config.protocol()));
            }
            state.begin(data);
            listener.onEvent(new RunEvent.RunStarted(runId, config, state.taskNames, Backend.describe()));
            ContinualMethod method = Methods.create(config);
            Random rnd = new Random(config.seed());
            for (int stage = 0; stage < data.size(); stage++) {
                long start = System.nanoTime();
                listener.onEvent(new RunEvent.TaskStarted(stage, data.get(stage).name(), data.size()));
                method.learn(data.subList(0, stage + 1), new MethodEnvironment(config.training(), state.monitor(stage), rnd));
                for (int j = 0; j <= stage; j++) {
                    Map<String, Double> metrics = Evaluator.evaluate(method, data.get(j), data.get(j).split().test(), config.training().evalBatchSize());
                    state.evaluated(stage, j, metrics);
                }
                state.masks(stage, method.masks());
                state.rates(method.samplingRates());
                state.stageSeconds.add((System.nanoTime() - start) / 1e9);
                state.epochSeconds.add(state.currentEpochs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
                if (SingleTaskReference.METHOD.equalsIgnoreCase(method.name())) state.referenceFromDiagonal();
                state.writeProgress(RunStatus.RUNNING, "after stage " + (stage + 1) + " of " + data.size());
                listener.onEvent(new RunEvent.TaskEvaluated(stage, state.matrix));
            }
            if (reference != null && !SingleTaskReference.METHOD.equalsIgnoreCase(method.name())) {
                state.reference = reference.scores(config, dataset, tasks, cancel);
            }
            RunResult result = state.finish(RunStatus.COMPLETED, "completed");
            // a SinMo run is every other method's FWT reference for the same setting
            if (SingleTaskReference.METHOD.equalsIgnoreCase(method.name()) && reference != null) reference.remember(config, result);
            return result;
        } catch (TrainingMonitor.CancelledException e) {
            return state.finish(RunStatus.CANCELLED, "cancelled by the user");
        } catch (RuntimeException | OutOfMemoryError e) {
            return state.finish(RunStatus.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Seeded by the task's name, not its position, so a task keeps its test set in every order. */
    static long splitSeed(long seed, String taskName) {
        return seed * 1_000_003L + taskName.hashCode();
    }

    public static String newRunId(ExperimentConfig config) {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + "-" + config.method();
    }

    /** Mutable bookkeeping of one run; every write goes through the atomic run folder. */
    private static final class RunState {
        final String runId;
        final ExperimentConfig config;
        final RunFolder folder;
        final RunListener listener;
        final CancellationToken cancel;
        final long started = System.nanoTime();
        List<String> taskNames = List.of();
        AccuracyMatrix matrix;
        MaskSimilarityTable masks;
        double[] reference;
        final List<RunResult.Evaluation> evaluations = new ArrayList<>();
        final List<Map<String, Double>> rates = new ArrayList<>();
        final List<Double> stageSeconds = new ArrayList<>();
        final List<Double> epochSeconds = new ArrayList<>();
        final List<Double> currentEpochs = new ArrayList<>();
        final List<RunResult.Epoch> epochs = new ArrayList<>();
        final List<RunFolder.LossRow> losses = new ArrayList<>();
        long plannedBatches;
        long doneBatches;

        RunState(String runId, ExperimentConfig config, RunFolder folder, RunListener listener, CancellationToken cancel) {
            this.runId = runId;
            this.config = config;
            this.folder = folder;
            this.listener = listener;
            this.cancel = cancel;
        }

        void begin(List<TaskData> data) {
            taskNames = data.stream().map(TaskData::name).toList();
            matrix = AccuracyMatrix.empty(taskNames, data.stream().map(TaskData::primaryMetric).toList(), config.protocol());
            for (TaskData d : data) {
                int rows = d.byUser(d.split().train()).size();
                int bs = config.training().batchSizeFor(d.stage());
                plannedBatches += (long) config.training().epochsFor(d.stage()) * Math.max(1, (rows + bs - 1) / bs);
            }
        }

        TrainingMonitor monitor(int stage) {
            currentEpochs.clear();
            return new TrainingMonitor() {
                @Override
                public void batchFinished(int s, int epoch, int batch, int batches, Map<String, Double> l) {
                    doneBatches++;
                    losses.add(new RunFolder.LossRow(s, taskNames.get(s), epoch, batch,
                            l.getOrDefault("total", Double.NaN), l.getOrDefault("class", Double.NaN), l.getOrDefault("kr", 0.0)));
                    double fraction = Math.min(1, (double) doneBatches / plannedBatches);
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    double eta = doneBatches < 3 ? Double.NaN : elapsed / fraction * (1 - fraction);
                    listener.onEvent(new RunEvent.BatchProgress(s, epoch, batch, batches, l, fraction, eta));
                }

                @Override
                public void epochFinished(int s, int epoch, Map<String, Double> means, double score, boolean improved, double seconds) {
                    currentEpochs.add(seconds);
                    epochs.add(new RunResult.Epoch(s, taskNames.get(s), epoch, new LinkedHashMap<>(means), score, improved, seconds));
                    folder.writeLoss(losses);
                    listener.onEvent(new RunEvent.EpochFinished(s, epoch, means, score, improved, seconds));
                }

                @Override
                public void samplingRates(int s, int epoch, Map<String, Double> rho) {
                    listener.onEvent(new RunEvent.SamplingRates(s, epoch, rho));
                }

                @Override
                public boolean cancelled() {
                    return cancel.isCancelled();
                }
            };
        }

        void evaluated(int stage, int task, Map<String, Double> metrics) {
            matrix = matrix.with(stage, task, metrics.get(matrix.metrics().get(task)));
            evaluations.add(new RunResult.Evaluation(stage, taskNames.get(task), new LinkedHashMap<>(metrics)));
        }

        void masks(int stage, Map<String, float[][]> byTask) {
            if (byTask.isEmpty()) return;
            List<String> names = new ArrayList<>(byTask.keySet());
            int n = names.size();
            int layers = byTask.get(names.get(0)).length;
            double[][][] perLayer = new double[layers][n][n];
            double[][] mean = new double[n][n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    double[] cos = MaskRelations.cosinePerLayer(byTask.get(names.get(a)), byTask.get(names.get(b)));
                    for (int k = 0; k < layers; k++) {
                        perLayer[k][a][b] = cos[k];
                        mean[a][b] += cos[k] / layers;
                    }
                }
            }
            masks = new MaskSimilarityTable(names, perLayer, mean);
            folder.writeMasks(masks);
            listener.onEvent(new RunEvent.MaskSnapshot(stage, masks, byTask));
        }

        void rates(Map<String, Double> rho) {
            rates.add(new LinkedHashMap<>(rho));
        }

        void referenceFromDiagonal() {
            reference = new double[matrix.size()];
            for (int i = 0; i < reference.length; i++) reference[i] = matrix.get(i, i);
        }

        RunResult result(RunStatus status, String message) {
            var transfer = matrix == null ? List.<TransferScores.Row>of() : TransferScores.of(matrix, reference);
            return new RunResult(runId, config, status, message, Backend.describe(), matrix, transfer, List.copyOf(evaluations),
                    masks, List.copyOf(rates), List.copyOf(stageSeconds), List.copyOf(epochSeconds),
                    (System.nanoTime() - started) / 1e9, List.copyOf(epochs));
        }

        void writeProgress(RunStatus status, String message) {
            RunResult r = result(status, message);
            folder.writeMatrix(matrix);
            folder.writeTransfer(r.transfer(), matrix.protocol());
            folder.writeResults(r);
        }

        RunResult finish(RunStatus status, String message) {
            RunResult r = result(status, message);
            if (matrix != null && status == RunStatus.COMPLETED) {
                folder.writeMatrix(matrix);
                folder.writeTransfer(r.transfer(), matrix.protocol());
            }
            if (!losses.isEmpty()) folder.writeLoss(losses);
            folder.writeResults(r);
            listener.onEvent(new RunEvent.RunEnded(status, message, r));
            return r;
        }
    }
}
