package org.teracon.workbench.experiment;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.data.Splits;
import org.teracon.workbench.data.Task;
import org.teracon.workbench.method.Checkpointer;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.Evaluator;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.RunRandom;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.TrainingMonitor;
import org.teracon.workbench.method.teracon.MaskRelations;
import org.teracon.workbench.model.Workspaces;

/**
 * Runs one experiment: the tasks in order, every learned task evaluated on its test split after each
 * stage (filling R(T_j, T_i)), BWT/FWT, mask similarity, and the run folder rewritten after each stage.
 */
public final class ExperimentRunner {
    /** Non-finite steps in a row that end a run as DIVERGED. */
    static final int MAX_SKIPPED_IN_A_ROW = 20;
    /** Share of an epoch's steps that may be non-finite before the run ends as DIVERGED. */
    static final double MAX_SKIPPED_SHARE = 0.5;
    private final SingleTaskReference reference;
    private final boolean force;
    private final FileLayer files;
    private boolean keepAllCheckpoints;

    /** Without FWT references (FWT stays empty unless the method is SinMo itself). */
    public ExperimentRunner() {
        this(null);
    }

    public ExperimentRunner(SingleTaskReference reference) {
        this(reference, false, FileLayer.ATOMIC);
    }

    private ExperimentRunner(SingleTaskReference reference, boolean force, FileLayer files) {
        this.reference = reference;
        this.force = force;
        this.files = files;
    }

    /** With {@code force}, a folder holding another run is taken over: that run's files are removed first (see {@link OutputGuard}). */
    public ExperimentRunner replacing(boolean replace) {
        return new ExperimentRunner(reference, replace, files);
    }

    /** Writes the run folder through {@code layer} (tests: a layer that fails like a full disk). */
    public ExperimentRunner writingThrough(FileLayer layer) {
        return new ExperimentRunner(reference, force, layer);
    }

    /** After a completed run, keep every stage's checkpoint instead of the last one only. */
    public ExperimentRunner keepingAllCheckpoints(boolean all) {
        keepAllCheckpoints = all;
        return this;
    }

    /**
     * Everything checked before anything is trained or written: the task order, the noisy task's
     * position, the method and the memory the run needs. Returns the resolved task order.
     */
    public static List<Task> preflight(ExperimentConfig config, Dataset dataset) {
        if (!Methods.names().contains(config.method()) && !org.teracon.workbench.method.catalog.MethodCatalog.isKnown(config.method())) {
            throw new IllegalArgumentException("unknown method '" + config.method() + "'; known: " + String.join(", ", Methods.names()));
        }
        List<Task> tasks = TaskOrder.resolve(dataset, config);
        MemoryEstimate.check(config, dataset, tasks);
        return tasks;
    }

    public RunResult run(ExperimentConfig config, Path outDir, RunListener listener, CancellationToken cancel) {
        Dataset dataset = DatasetLoader.load(Path.of(config.dataset()));
        return run(config, dataset, outDir, listener, cancel);
    }

    /**
     * Checks everything first ({@link #preflight}; bad input throws before any write), then holds the
     * folder's lock for the whole run and refuses a folder holding another run unless forced.
     */
    public RunResult run(ExperimentConfig config, Dataset dataset, Path outDir, RunListener listener, CancellationToken cancel) {
        preflight(config, dataset);
        if (java.nio.file.Files.exists(outDir) && !java.nio.file.Files.isDirectory(outDir)) OutputGuard.prepareRunFolder(outDir, force);
        try (RunLock lock = RunLock.acquire(outDir)) {
            OutputGuard.prepareRunFolder(outDir, force);
            Checkpoints checkpoints = new Checkpoints(outDir);
            checkpoints.clear();
            return runLocked(config, dataset, outDir, listener, cancel, checkpoints, null);
        }
    }

    /**
     * Continues the run in {@code runDir} from its last checkpoint (see {@link Checkpoints}): the
     * experiment.json there says what to train; a completed run or a folder without checkpoints is
     * refused (IllegalArgumentException, before anything is written), and the folder's lock applies.
     */
    public RunResult resume(Path runDir, RunListener listener, CancellationToken cancel) {
        Path experiment = runDir.resolve(RunFolder.EXPERIMENT);
        if (!java.nio.file.Files.isRegularFile(experiment)) {
            throw new IllegalArgumentException(runDir + " holds no run (no " + RunFolder.EXPERIMENT + "): nothing to resume");
        }
        ExperimentConfig config = ExperimentFiles.read(experiment);
        Dataset dataset = DatasetLoader.load(Path.of(config.dataset()));
        preflight(config, dataset);
        try (RunLock lock = RunLock.acquire(runDir)) {
            RunStatus status = recordedStatus(runDir);
            if (status == RunStatus.COMPLETED) {
                throw new IllegalArgumentException(runDir + " holds a completed run: nothing to resume");
            }
            Checkpoints checkpoints = new Checkpoints(runDir);
            Checkpoints.Resume from = checkpoints.any() ? checkpoints.latest() : null;
            if (from == null) throw new IllegalArgumentException(runDir + " has no checkpoint to resume from (" + Checkpoints.FOLDER + "/ is missing or empty)");
            return runLocked(config, dataset, runDir, listener, cancel, checkpoints, from);
        }
    }

    /** The status results.json records, or null when there is none (a run killed before its first stage ended). */
    public static RunStatus recordedStatus(Path runDir) {
        Path results = runDir.resolve(RunFolder.RESULTS);
        if (!java.nio.file.Files.isRegularFile(results)) return null;
        try {
            return RunStatus.valueOf(Json.MAPPER.readTree(results.toFile()).path("status").asText(""));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private RunResult runLocked(ExperimentConfig config, Dataset dataset, Path outDir, RunListener listener, CancellationToken cancel,
                                Checkpoints checkpoints, Checkpoints.Resume from) {
        RunFolder folder = new RunFolder(outDir, files);
        String runId = outDir.getFileName() + "";
        RunState state = new RunState(runId, config, folder, listener, cancel);
        try {
            if (from == null) folder.writeExperiment(config);
            List<Task> tasks = TaskOrder.resolve(dataset, config);
            List<TaskData> data = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                data.add(new TaskData(i, tasks.get(i), Splits.split(tasks.get(i), splitSeed(config.seed(), tasks.get(i).name())),
                        dataset.sequences(), dataset.vocabularySize(), config.protocol()));
            }
            state.begin(data);
            listener.onEvent(new RunEvent.RunStarted(runId, config, state.taskNames, Backend.describe()));
            ContinualMethod method = from == null ? Methods.create(config) : from.method();
            RunRandom rnd = from == null ? new RunRandom(config.seed()) : from.random();
            Checkpointer checkpointer = checkpoints.checkpointer(state::progress);
            for (int stage = from == null ? 0 : from.stage(); stage < data.size(); stage++) {
                long start = System.nanoTime();
                state.stage = stage;
                boolean resuming = from != null && stage == from.stage();
                if (!resuming) checkpoints.saveStart(stage, method, rnd, state.progress());
                listener.onEvent(new RunEvent.TaskStarted(stage, data.get(stage).name(), data.size()));
                TrainingMonitor monitor = state.monitor(stage);
                if (resuming) {
                    state.restore(from.progress());
                    // the stage's clock counts the epochs it trained before the interruption
                    start -= (long) (from.progress().currentEpochs().stream().mapToDouble(Double::doubleValue).sum() * 1e9);
                }
                method.learn(data.subList(0, stage + 1), new MethodEnvironment(config.training(), monitor, rnd, checkpointer));
                for (int j = 0; j <= stage; j++) {
                    Map<String, Double> metrics = new LinkedHashMap<>(
                            Evaluator.evaluate(method, data.get(j), data.get(j).split().test(), config.training().evalBatchSize()));
                    // how many users the score stands on: a BWT over a handful of test users is mostly noise
                    metrics.put(RunResult.TEST_USERS, (double) data.get(j).byUser(data.get(j).split().test()).size());
                    state.evaluated(stage, j, metrics);
                }
                state.masks(stage, method.masks());
                state.rates(method.samplingRates());
                // the evaluation's workspace and arrays go too, or the C allocator keeps them into the next stage
                Workspaces.releaseAfterStage();
                state.stageSeconds.add((System.nanoTime() - start) / 1e9);
                state.epochSeconds.add(state.currentEpochs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
                if (SingleTaskReference.METHOD.equalsIgnoreCase(method.name())) state.referenceFromDiagonal();
                state.writeProgress(RunStatus.RUNNING, "after stage " + (stage + 1) + " of " + data.size());
                listener.onEvent(new RunEvent.TaskEvaluated(stage, state.matrix));
            }
            if (reference != null && !SingleTaskReference.METHOD.equalsIgnoreCase(method.name())) {
                state.reference = reference.scores(config, dataset, tasks, listener, cancel);
            }
            RunResult result = state.finish(RunStatus.COMPLETED, "completed" + (from == null ? "" : " (resumed at stage "
                    + (from.stage() + 1) + ", after epoch " + from.epochsDone() + ")"));
            if (result.status() == RunStatus.COMPLETED) checkpoints.prune(keepAllCheckpoints);
            // a SinMo run is every other method's FWT reference for the same setting
            if (SingleTaskReference.METHOD.equalsIgnoreCase(method.name()) && reference != null) reference.remember(config, result);
            return result;
        } catch (TrainingMonitor.CancelledException e) {
            return state.finish(RunStatus.CANCELLED, "cancelled by the user " + state.reached());
        } catch (DivergedException e) {
            return state.finish(RunStatus.DIVERGED, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            return state.finish(RunStatus.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Too many steps with a non-finite loss: training cannot recover without other settings. */
    static final class DivergedException extends RuntimeException {
        DivergedException(String message) {
            super(message);
        }
    }

    /**
     * A skipped step (NaN, as TrainingCore reports one) or a loss past float range: the engine computes
     * in float32, so such a step's numbers have overflowed even where the double sum still shows them.
     */
    static boolean nonFinite(double total) {
        return !Double.isFinite(total) || Math.abs(total) > Float.MAX_VALUE;
    }

    /** Seeded by the task's name, not its position, so a task keeps its test set in every order. */
    static long splitSeed(long seed, String taskName) {
        return seed * 1_000_003L + taskName.hashCode();
    }

    public static String newRunId(ExperimentConfig config) {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + "-" + config.method();
    }

    /** The key of an epoch's count of skipped (non-finite) steps among its mean losses. */
    public static final String SKIPPED = "skipped";

    /** Mutable bookkeeping of one run; every write goes through the atomic run folder. */
    private static final class RunState {
        final String runId;
        final ExperimentConfig config;
        final RunFolder folder;
        final RunListener listener;
        final CancellationToken cancel;
        long started = System.nanoTime();
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
        int stage = -1;
        int epoch;
        int skippedInARow;
        int skippedThisEpoch;
        long skippedTotal;

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

        /** What the run's files are made from, for a checkpoint. */
        Checkpoints.Progress progress() {
            List<Map<String, Double>> r = new ArrayList<>();
            for (Map<String, Double> m : rates) r.add(new LinkedHashMap<>(m));
            return new Checkpoints.Progress(matrix, masks, new ArrayList<>(evaluations), r, new ArrayList<>(stageSeconds),
                    new ArrayList<>(epochSeconds), new ArrayList<>(currentEpochs), new ArrayList<>(epochs), new ArrayList<>(losses),
                    doneBatches, skippedTotal, skippedInARow, (System.nanoTime() - started) / 1e9);
        }

        /** Back to a checkpoint's progress (after {@link #begin} and the stage's {@link #monitor}). */
        void restore(Checkpoints.Progress p) {
            matrix = p.matrix();
            masks = p.masks();
            evaluations.clear();
            evaluations.addAll(p.evaluations());
            rates.clear();
            rates.addAll(p.rates());
            stageSeconds.clear();
            stageSeconds.addAll(p.stageSeconds());
            epochSeconds.clear();
            epochSeconds.addAll(p.epochSeconds());
            currentEpochs.clear();
            currentEpochs.addAll(p.currentEpochs());
            epochs.clear();
            epochs.addAll(p.epochs());
            losses.clear();
            losses.addAll(p.losses());
            doneBatches = p.doneBatches();
            skippedTotal = p.skippedTotal();
            skippedInARow = p.skippedInARow();
            started = System.nanoTime() - (long) (p.elapsedSeconds() * 1e9);
        }

        TrainingMonitor monitor(int stage) {
            currentEpochs.clear();
            return new TrainingMonitor() {
                @Override
                public void batchFinished(int s, int epoch, int batch, int batches, Map<String, Double> l) {
                    doneBatches++;
                    RunState.this.epoch = epoch;
                    if (batch == 1) skippedThisEpoch = 0;
                    boolean skipped = nonFinite(l.getOrDefault("total", Double.NaN));
                    if (skipped) {
                        skippedInARow++;
                        skippedThisEpoch++;
                        skippedTotal++;
                    } else {
                        skippedInARow = 0;
                    }
                    losses.add(new RunFolder.LossRow(s, taskNames.get(s), epoch, batch,
                            l.getOrDefault("total", Double.NaN), l.getOrDefault("class", Double.NaN), l.getOrDefault("kr", 0.0), skipped));
                    double fraction = Math.min(1, (double) doneBatches / plannedBatches);
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    double eta = doneBatches < 3 ? Double.NaN : elapsed / fraction * (1 - fraction);
                    listener.onEvent(new RunEvent.BatchProgress(s, epoch, batch, batches, l, fraction, eta));
                    if (skippedInARow >= MAX_SKIPPED_IN_A_ROW || (batch == batches && skippedThisEpoch > MAX_SKIPPED_SHARE * batches)) {
                        throw new DivergedException(diverged(s, epoch, batches));
                    }
                }

                @Override
                public void epochFinished(int s, int epoch, Map<String, Double> means, double score, boolean improved, double seconds) {
                    currentEpochs.add(seconds);
                    Map<String, Double> withSkipped = new LinkedHashMap<>(means);
                    // skipped (non-finite) steps are counted where they happened: results.json's epochs and the console
                    if (skippedThisEpoch > 0) withSkipped.put(SKIPPED, (double) skippedThisEpoch);
                    epochs.add(new RunResult.Epoch(s, taskNames.get(s), epoch, withSkipped, score, improved, seconds));
                    listener.onEvent(new RunEvent.EpochFinished(s, epoch, withSkipped, score, improved, seconds));
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

        String diverged(int s, int epoch, int batches) {
            var t = config.training();
            String params = config.params().set().isEmpty() ? "" : ", " + config.params();
            return String.format(java.util.Locale.ROOT, "diverged in stage %d of %d (%s), epoch %d: %d of %d steps had a non-finite "
                    + "or overflowing loss (%d in a row); likely cause: the learning rate %s or the method's settings (%s%s); "
                    + "stages 1-%d are kept", s + 1, taskNames.size(), taskNames.get(s), epoch, skippedThisEpoch, batches, skippedInARow,
                    t.learningRateFor(s), config.method(), params, s);
        }

        /** Where a cancelled run stopped, for its message. */
        String reached() {
            if (stage < 0) return "before training";
            return "during stage " + (stage + 1) + " of " + taskNames.size() + " (" + taskNames.get(stage) + "), epoch " + Math.max(epoch, 1)
                    + "; " + (stage == 0 ? "no stage" : "stages 1-" + stage) + " complete";
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

        /** One stage's files as a unit: the CSVs first, results.json (naming the stage) last. */
        void writeProgress(RunStatus status, String message) {
            RunResult r = result(status, message);
            folder.writeLoss(losses);
            if (masks != null) folder.writeMasks(masks);
            folder.writeMatrix(matrix);
            folder.writeTransfer(r.transfer(), matrix.protocol());
            folder.writeResults(r);
        }

        RunResult finish(RunStatus status, String message) {
            if (skippedTotal > 0 && status != RunStatus.DIVERGED) message += " (" + skippedTotal + " steps skipped: non-finite loss)";
            RunResult r = result(status, message);
            try {
                if (matrix != null && status == RunStatus.COMPLETED) {
                    folder.writeMatrix(matrix);
                    folder.writeTransfer(r.transfer(), matrix.protocol());
                }
                if (!losses.isEmpty()) folder.writeLoss(losses);
                folder.writeResults(r);
            } catch (RuntimeException e) {
                // a full disk: the status could not be recorded; say why, and that results.json holds the last stage written
                message = message + "; the status could not be recorded (" + e.getMessage() + "): results.json holds the last stage written";
                r = result(status == RunStatus.COMPLETED ? RunStatus.FAILED : status, message);
            }
            listener.onEvent(new RunEvent.RunEnded(r.status(), r.message(), r));
            return r;
        }
    }
}
