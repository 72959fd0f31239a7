package org.teracon.workbench.ui.vm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.teracon.workbench.app.WorkbenchEngine;
import org.teracon.workbench.experiment.AccuracyMatrix;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.MaskSimilarityTable;
import org.teracon.workbench.experiment.RunEvent;
import org.teracon.workbench.experiment.RunInfo;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.SeedGroup;
import org.teracon.workbench.experiment.SeedList;
import org.teracon.workbench.experiment.TransferScores;
import org.teracon.workbench.ui.engine.Background;
import org.teracon.workbench.ui.engine.FxEventBridge;

/**
 * One run as the window shows it, live or reopened from disk. The run executes in a Service; its
 * events arrive through {@link FxEventBridge} and are applied here on the FX thread, so every
 * property below is only ever touched by the FX thread.
 */
public final class RunViewModel {
    public static final String AVERAGED = "Averaged over layers";

    private final WorkbenchEngine engine;
    private final Service<RunResult> service;
    private final FxEventBridge bridge = new FxEventBridge(this::apply);
    private CancellationToken token = new CancellationToken();
    private ExperimentConfig pending;
    private SeedList pendingSeeds;
    private Path pendingResume;
    /** Set by the worker when a seed group ends, read on the FX thread when the service succeeds. */
    private volatile SeedGroup finishedGroup;
    private final ObjectProperty<SeedGroup> group = new SimpleObjectProperty<>();
    /** "Seed 42 (1/3)" while a group runs, else empty. */
    private final StringProperty seedText = new SimpleStringProperty("");
    private Consumer<RunResult> onFinished = r -> {
    };

    private final StringProperty status = new SimpleStringProperty("Idle");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty backend = new SimpleStringProperty("");
    private final StringProperty runId = new SimpleStringProperty("");
    /** What the researcher called the run (the form's Run name, or run-info.json of a reopened run). */
    private final StringProperty runName = new SimpleStringProperty("");
    private final StringProperty seedsShown = new SimpleStringProperty("");
    private RunInfo pendingInfo;
    private final StringProperty taskText = new SimpleStringProperty("");
    private final StringProperty etaText = new SimpleStringProperty("");
    private final DoubleProperty overallProgress = new SimpleDoubleProperty(0);
    private final DoubleProperty taskProgress = new SimpleDoubleProperty(0);
    private final BooleanProperty cancelling = new SimpleBooleanProperty(false);
    private final ObjectProperty<RunStatus> lastStatus = new SimpleObjectProperty<>();
    private final ObjectProperty<RunResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<ExperimentConfig> config = new SimpleObjectProperty<>();

    private final ObservableList<String> tasks = FXCollections.observableArrayList();
    private final ObservableList<LossHistory> losses = FXCollections.observableArrayList();
    private final ObjectProperty<LossHistory> selectedLoss = new SimpleObjectProperty<>();
    private final ObservableList<CurveViewModel.ValidationPoint> validation = FXCollections.observableArrayList();
    private final CurveViewModel curves = new CurveViewModel(losses, validation, selectedLoss);

    private final ObjectProperty<MaskSimilarityTable> masks = new SimpleObjectProperty<>();
    private final ObservableList<String> layerChoices = FXCollections.observableArrayList();
    private final StringProperty selectedLayer = new SimpleStringProperty(AVERAGED);
    private final ObjectProperty<HeatmapData> heatmap = new SimpleObjectProperty<>();

    private final ObjectProperty<AccuracyMatrix> matrix = new SimpleObjectProperty<>();
    private final ObservableList<String> matrixColumns = FXCollections.observableArrayList();
    private final ObservableList<MatrixRow> matrixRows = FXCollections.observableArrayList();
    private final ObservableList<TransferScores.Row> transferRows = FXCollections.observableArrayList();
    private final ObservableList<String> rhoColumns = FXCollections.observableArrayList();
    private final ObservableList<MatrixRow> rhoRows = FXCollections.observableArrayList();
    private final ObservableList<TimingRow> timingRows = FXCollections.observableArrayList();

    // Live bookkeeping for the timing and rho tables.
    private final Map<Integer, Map<String, Double>> rhoByStage = new LinkedHashMap<>();
    private final Map<Integer, double[]> epochStats = new HashMap<>(); // stage -> {epochs, secondsSum, lastValidation, stageSeconds}
    private final Map<Integer, Long> stageStartNanos = new HashMap<>();
    private EtaEstimator eta = new EtaEstimator(System::nanoTime);
    /** Runs of the same batch (seed group, study) before the one shown; progress and ETA span the batch. */
    private int runsBefore;

    private final javafx.beans.binding.ObjectBinding<RunHeader> header = javafx.beans.binding.Bindings.createObjectBinding(
            () -> new RunHeader(runName.get(), runId.get(), config.get(), seedsShown.get(), lastStatus.get(), List.copyOf(transferRows)),
            runName, runId, config, seedsShown, lastStatus, transferRows);

    public RunViewModel(WorkbenchEngine engine) {
        this.engine = engine;
        this.service = new Service<>() {
            @Override
            protected Task<RunResult> createTask() {
                ExperimentConfig cfg = pending;
                SeedList seeds = pendingSeeds;
                Path resumeDir = pendingResume;
                RunInfo info = pendingInfo;
                CancellationToken t = token;
                return new Task<>() {
                    @Override
                    protected RunResult call() {
                        if (resumeDir != null) return engine.resume(resumeDir, bridge, t);
                        Path dir = engine.newRunDir(cfg);
                        if (seeds == null || !seeds.isGroup()) {
                            RunResult r = engine.run(cfg, dir, bridge, t);
                            // after the run: the engine refuses a folder that already holds files it did not write
                            if (info != null) info.write(dir);
                            return r;
                        }
                        SeedGroup g = SeedGroupView.run(engine, cfg, seeds, dir, bridge, t, (label, k, n) -> FxEventBridge.onFx(() -> {
                            seedText.set(label);
                            setRunSpan(k, n);
                        }));
                        if (info != null) SeedGroupView.name(dir, seeds, info);
                        finishedGroup = g;
                        return g.results().isEmpty() ? null : g.results().get(g.results().size() - 1);
                    }
                };
            }
        };
        service.setExecutor(Background.executor());
        service.setOnSucceeded(e -> finished(service.getValue()));
        service.setOnFailed(e -> failed(service.getException()));
        selectedLayer.addListener((o, was, now) -> updateHeatmap());
        masks.addListener((o, was, now) -> updateHeatmap());
    }

    /** Starts a run; ignored while one is running. */
    public void start(ExperimentConfig cfg) {
        start(cfg, SeedList.single(cfg.seed()));
    }

    /** Continues a run from its last checkpoint (History's Resume); ignored while a run is running. */
    public void resume(Path runDir, ExperimentConfig cfg) {
        if (service.isRunning()) return;
        start(cfg, SeedList.single(cfg.seed()), runDir, RunInfo.read(runDir));
    }

    /** Starts a run, or a seed group (its seeds one after another) when {@code seeds} holds more than one. */
    public void start(ExperimentConfig cfg, SeedList seeds) {
        start(cfg, seeds, null, null);
    }

    /** As {@link #start(ExperimentConfig, SeedList)}, naming the run: {@code info} goes to its run-info.json. */
    public void start(ExperimentConfig cfg, SeedList seeds, RunInfo info) {
        start(cfg, seeds, null, info);
    }

    private void start(ExperimentConfig cfg, SeedList seeds, Path resumeDir, RunInfo info) {
        if (service.isRunning()) return;
        clear();
        pending = cfg;
        pendingInfo = info == null || info.name().isEmpty() && info.tags().isEmpty() ? null : info;
        runName.set(info == null ? "" : info.name());
        seedsShown.set(RunHeader.seedsText(seeds.seeds()));
        pendingSeeds = seeds;
        pendingResume = resumeDir;
        finishedGroup = null;
        config.set(cfg);
        token = new CancellationToken();
        cancelling.set(false);
        setRunSpan(0, 1);
        lastStatus.set(RunStatus.RUNNING);
        status.set("Starting " + cfg.method() + " …");
        service.restart();
    }

    /** Asks the engine to stop after the current batch; the run then ends with status CANCELLED. */
    public void cancel() {
        if (!service.isRunning()) return;
        token.cancel();
        cancelling.set(true);
        etaText.set("");
        status.set("Cancelling after the current batch …");
    }

    public void setOnFinished(Consumer<RunResult> c) {
        onFinished = c;
    }

    private void finished(RunResult r) {
        cancelling.set(false);
        if (r != null) {
            show(r);
            SeedGroup g = finishedGroup;
            if (g != null) showGroup(g);
            // The engine reports its own failures as a result, not an exception: surface them the same way.
            if (r.status() == RunStatus.FAILED || r.status() == RunStatus.DIVERGED) error.set("Run " + r.status().name().toLowerCase() + ": " + r.message());
            onFinished.accept(r);
        }
    }

    private void failed(Throwable t) {
        cancelling.set(false);
        etaText.set("");
        boolean cancelled = t != null && t.getClass().getSimpleName().equals("CancelledException");
        lastStatus.set(cancelled ? RunStatus.CANCELLED : RunStatus.FAILED);
        String msg = t == null ? "unknown error" : Background.describe(t);
        status.set(cancelled ? "Run cancelled" : "Run failed: " + msg);
        if (!cancelled) error.set("Run failed: " + msg);
        onFinished.accept(null);
    }

    /** Applies events in order; FX thread only (called by the bridge, and by tests). */
    public void apply(List<RunEvent> events) {
        for (RunEvent e : events) apply(e);
        // once per batch of events, not per event: the bridge hands over everything queued since the last pulse
        curves.rebuild();
    }

    /**
     * Shows a run that another worker drives (a study's current run): each RunStarted starts the views
     * afresh, so the window always shows the run in progress. FX thread only.
     */
    public void follow(List<RunEvent> events) {
        for (RunEvent e : events) {
            if (e instanceof RunEvent.RunStarted) clear();
            apply(e);
        }
    }

    /**
     * The shown run is run {@code index} (from 0) of {@code total} of a batch (a seed group, a study):
     * overall progress and the ETA then cover the whole batch. FX thread only.
     */
    public void setRunSpan(int index, int total) {
        runsBefore = Math.max(0, index);
        eta.runsAfter(total - index - 1);
    }

    /** Replaces the clock the ETA measures step times with (tests drive it by hand). */
    public void setClock(java.util.function.LongSupplier nanos) {
        EtaEstimator fresh = new EtaEstimator(nanos);
        fresh.runsAfter(eta.runsAfter());
        eta = fresh;
    }

    public void apply(RunEvent e) {
        double left = eta.on(e);
        if (e instanceof RunEvent.RunStarted s) {
            if (!seedText.get().isEmpty()) {
                // the next seed of a group: fresh run views, the group's progress kept
                double p = overallProgress.get();
                String label = seedText.get();
                clear();
                overallProgress.set(p);
                seedText.set(label);
            }
            runId.set(s.runId());
            backend.set(s.backend());
            config.set(s.config());
            tasks.setAll(s.taskNames());
            matrixColumns.setAll(s.taskNames());
            status.set((seedText.get().isEmpty() ? "" : seedText.get() + ": ") + "Running " + s.config().method() + " on "
                    + s.taskNames().size() + " tasks");
        } else if (e instanceof RunEvent.TaskStarted s) {
            stageStartNanos.put(s.stage(), System.nanoTime());
            LossHistory h = lossFor(s.stage(), s.taskName());
            // a researcher watching the whole run keeps watching it; otherwise follow the task in training
            if (selectedLoss.get() != CurveViewModel.WHOLE_RUN) selectedLoss.set(h);
            taskText.set("Task " + (s.stage() + 1) + "/" + s.stages() + ": " + s.taskName());
            taskProgress.set(0);
        } else if (e instanceof RunEvent.BatchProgress b) {
            double epochsPlanned = config.get() == null ? 1 : config.get().training().epochsFor(b.stage());
            // The engine counts epochs and batches from 1.
            double done = (b.epoch() - 1) + (double) b.batch() / Math.max(1, b.batches());
            lossFor(b.stage(), null).add(done, b.losses());
            taskProgress.set(Math.min(1, done / Math.max(1, epochsPlanned)));
            double f = Math.max(0, Math.min(1, b.overallFraction()));
            overallProgress.set((runsBefore + f) / (runsBefore + 1 + eta.runsAfter()));
            etaText.set(Double.isNaN(left) ? "ETA –" : "ETA " + Fmt.seconds(left)
                    + (eta.runsAfter() > 0 ? " (incl. " + eta.runsAfter() + " more run" + (eta.runsAfter() == 1 ? "" : "s") + ")" : ""));
        } else if (e instanceof RunEvent.EpochFinished f) {
            double[] st = epochStats.computeIfAbsent(f.stage(), k -> new double[]{0, 0, Double.NaN, Double.NaN});
            st[0]++;
            st[1] += f.seconds();
            st[2] = f.validationScore();
            validation.add(new CurveViewModel.ValidationPoint(f.stage(), taskName(f.stage()), f.epoch(), f.validationScore()));
            rebuildTiming();
            Double skipped = f.meanLosses() == null ? null : f.meanLosses().get(org.teracon.workbench.experiment.ExperimentRunner.SKIPPED);
            if (skipped != null && skipped > 0) {
                status.set(String.format(java.util.Locale.ROOT, "%s, epoch %d: %d steps skipped (non-finite loss); the run stops as DIVERGED "
                        + "if this goes on", taskName(f.stage()), f.epoch(), Math.round(skipped)));
            }
        } else if (e instanceof RunEvent.TaskEvaluated t) {
            Long start = stageStartNanos.get(t.stage());
            if (start != null) {
                epochStats.computeIfAbsent(t.stage(), k -> new double[]{0, 0, Double.NaN, Double.NaN})[3] =
                        (System.nanoTime() - start) / 1e9;
            }
            taskProgress.set(1);
            showMatrix(t.matrix());
            transferRows.setAll(TransferScores.of(t.matrix(), null));
            rebuildTiming();
        } else if (e instanceof RunEvent.MaskSnapshot m) {
            masks.set(m.similarity());
        } else if (e instanceof RunEvent.SamplingRates r) {
            rhoByStage.put(r.stage(), r.rhoByTask());
            rebuildRho();
        } else if (e instanceof RunEvent.RunEnded end) {
            etaText.set("");
            lastStatus.set(end.status());
            status.set(describeEnd(end.status(), end.message()));
            if (end.result() != null) show(end.result());
        }
    }

    private static String describeEnd(RunStatus s, String message) {
        String base = switch (s) {
            case COMPLETED -> "Run completed";
            case CANCELLED -> "Run cancelled";
            case FAILED -> "Run failed";
            case DIVERGED -> "Run diverged";
            case RUNNING -> "Running";
        };
        // The engine's message often just repeats the status ("completed"): say it once.
        return message == null || message.isBlank() || message.equalsIgnoreCase(s.name()) ? base : base + ": " + message;
    }

    private LossHistory lossFor(int stage, String name) {
        while (losses.size() <= stage) {
            int i = losses.size();
            String n = i < tasks.size() ? tasks.get(i) : "T" + (i + 1);
            losses.add(new LossHistory(i == stage && name != null ? name : n));
        }
        return losses.get(stage);
    }

    /** Shows a finished (or reopened) run's results in every view. */
    public void show(RunResult r) {
        result.set(r);
        config.set(r.config());
        runId.set(r.runId());
        if (group.get() == null && seedText.get().isEmpty() && r.config() != null) seedsShown.set(RunHeader.seedsText(List.of(r.config().seed())));
        if (r.backend() != null) backend.set(r.backend());
        lastStatus.set(r.status());
        if (r.status() != RunStatus.RUNNING) status.set(describeEnd(r.status(), r.message()) + " — " + r.runId()
                + (Double.isNaN(r.totalSeconds()) ? "" : " in " + Fmt.seconds(r.totalSeconds())));
        if (r.matrix() != null) {
            tasks.setAll(r.matrix().tasks());
            matrixColumns.setAll(headers(r.matrix()));
            showMatrix(r.matrix());
        }
        if (r.transfer() != null) transferRows.setAll(r.transfer());
        if (r.maskSimilarity() != null) masks.set(r.maskSimilarity());
        if (r.samplingRates() != null) {
            rhoByStage.clear();
            for (int i = 0; i < r.samplingRates().size(); i++) {
                if (r.samplingRates().get(i) != null && !r.samplingRates().get(i).isEmpty()) rhoByStage.put(i, r.samplingRates().get(i));
            }
            rebuildRho();
        }
        boolean live = epochStats.values().stream().anyMatch(st -> st[0] > 0);
        int stages = Math.max(tasks.size(), r.stageSeconds() == null ? 0 : r.stageSeconds().size());
        for (int i = 0; i < stages; i++) {
            double[] st = epochStats.computeIfAbsent(i, k -> new double[]{0, 0, Double.NaN, Double.NaN});
            if (r.stageSeconds() != null && i < r.stageSeconds().size()) st[3] = r.stageSeconds().get(i);
        }
        if (validation.isEmpty() && r.epochs() != null) {
            validation.setAll(r.epochs().stream().map(e -> new CurveViewModel.ValidationPoint(e.stage(), e.task(), e.epoch(), e.validationScore())).toList());
        }
        if (!live && r.epochs() != null) {
            // a reopened run: its results.json keeps every epoch, so the table shows what the live run showed
            for (RunResult.Epoch e : r.epochs()) {
                double[] st = epochStats.computeIfAbsent(e.stage(), k -> new double[]{0, 0, Double.NaN, Double.NaN});
                st[0]++;
                st[1] += e.seconds();
                st[2] = e.validationScore();
            }
        }
        rebuildTiming();
        if (r.status() == RunStatus.COMPLETED) {
            overallProgress.set(1);
            taskProgress.set(1);
            etaText.set("");
        }
    }

    /** Loss curves of a reopened run (read from its loss.csv), one history per task. */
    public void showLosses(List<LossHistory> histories) {
        losses.setAll(histories);
        selectedLoss.set(histories.isEmpty() ? null : histories.get(histories.size() - 1));
        curves.rebuild();
    }

    /** Each task's column header: its name, metric and protocol, e.g. "next_item (MRR@5, robust)". */
    private static List<String> headers(AccuracyMatrix m) {
        List<String> h = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) h.add(m.column(i));
        return h;
    }

    /** The transfer table's metric as shown: with the run's protocol, e.g. "MRR@5 (robust)". */
    public String metricLabel(TransferScores.Row row) {
        AccuracyMatrix m = matrix.get();
        return m == null ? row.metric() : m.protocol().label(row.metric());
    }

    private void showMatrix(AccuracyMatrix m) {
        matrix.set(m);
        List<String> headers = headers(m);
        if (!matrixColumns.equals(headers)) matrixColumns.setAll(headers);
        List<MatrixRow> rows = new ArrayList<>();
        for (int j = 0; j <= m.lastStage(); j++) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < m.size(); i++) cells.add(Fmt.num(m.get(j, i)));
            rows.add(new MatrixRow("after " + m.tasks().get(j), cells));
        }
        matrixRows.setAll(rows);
    }

    private void rebuildRho() {
        List<String> cols = new ArrayList<>();
        for (Map<String, Double> m : rhoByStage.values()) for (String k : m.keySet()) if (!cols.contains(k)) cols.add(k);
        rhoColumns.setAll(cols);
        List<MatrixRow> rows = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Double>> e : rhoByStage.entrySet()) {
            List<String> cells = new ArrayList<>();
            for (String c : cols) {
                Double v = e.getValue().get(c);
                cells.add(v == null ? "" : Fmt.num(v));
            }
            rows.add(new MatrixRow(taskName(e.getKey()), cells));
        }
        rhoRows.setAll(rows);
    }

    /** ρ per stage as numbers (CSV, report): the same values the ρ table shows formatted. */
    public org.teracon.workbench.experiment.PaperTable rhoTable() {
        return org.teracon.workbench.experiment.PaperTables.samplingRates(rhoByStage.keySet().stream().map(this::taskName).toList(),
                List.copyOf(rhoByStage.values()));
    }

    private void rebuildTiming() {
        List<TimingRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(tasks.size(), epochStats.size()); i++) {
            double[] st = epochStats.get(i);
            if (st == null) continue;
            double mean = st[0] > 0 ? st[1] / st[0] : st[1] > 0 ? st[1] : Double.NaN;
            rows.add(new TimingRow(taskName(i), (int) st[0], mean, st[3], st[2]));
        }
        timingRows.setAll(rows);
    }

    private String taskName(int stage) {
        return stage < tasks.size() ? tasks.get(stage) : "T" + (stage + 1);
    }

    private void updateHeatmap() {
        MaskSimilarityTable t = masks.get();
        if (t == null) {
            layerChoices.clear();
            heatmap.set(null);
            return;
        }
        List<String> choices = new ArrayList<>();
        choices.add(AVERAGED);
        for (int k = 0; k < t.perLayer().length; k++) choices.add(layerName(k));
        if (!layerChoices.equals(choices)) layerChoices.setAll(choices);
        String sel = selectedLayer.get();
        int k = choices.indexOf(sel) - 1;
        if (k < 0) {
            heatmap.set(HeatmapData.cosine("Task-mask cosine similarity (" + AVERAGED.toLowerCase() + ")", t.tasks(), t.averaged()));
        } else {
            heatmap.set(HeatmapData.cosine("Task-mask cosine similarity, " + sel.toLowerCase(), t.tasks(), t.perLayer()[k]));
        }
    }

    /** Two masked convolutions per residual block. */
    public static String layerName(int k) {
        return "Layer " + (k + 1) + " (block " + (k / 2 + 1) + ", conv " + (k % 2 + 1) + ")";
    }

    /** Shows a finished seed group: the matrix and transfer cells as mean ± std (n) over its completed seeds. */
    public void showGroup(SeedGroup g) {
        group.set(g);
        seedsShown.set(RunHeader.seedsText(g.seeds()));
        seedText.set("");
        if (g.completed() > 0) {
            matrixRows.setAll(SeedGroupView.matrixRows(g));
            transferRows.setAll(List.copyOf(transferRows));
        }
        status.set("Seed group " + g.seeds() + ": " + g.completed() + " of " + g.seeds().size()
                + " runs completed; tables show mean ± std (n) over the completed seeds");
    }

    /** A transfer-table cell: the run's value, or mean ± std (n) while a seed group is shown. */
    public String transferCell(TransferScores.Row row, java.util.function.ToDoubleFunction<TransferScores.Row> value, boolean percent) {
        SeedGroup g = group.get();
        if (g != null) return SeedGroupView.transferCell(g, row, value, percent);
        double v = value.applyAsDouble(row);
        return percent ? Fmt.pct(v) : Fmt.num(v);
    }

    /** The BWT cell: "–" for the last task, a dagger when it stands on few test users. */
    public String bwtCell(TransferScores.Row row) {
        return TransferCells.bwt(transferCell(row, TransferScores.Row::bwt, true), TransferCells.isLast(transferRows, row), testUsers(row));
    }

    /**
     * The FWT cell: "–" for T1 (the paper leaves its FWT undefined), "no reference" instead of a blank
     * when there is no SinMo reference for the setting, mean ± std (n) for a seed group.
     */
    public String fwtCell(TransferScores.Row row) {
        if (group.get() != null) return transferCell(row, TransferScores.Row::fwt, true);
        if (!transferRows.isEmpty() && transferRows.get(0) == row) return Fmt.fwt(row.fwt());
        return TransferCells.fwt(transferCell(row, TransferScores.Row::fwt, true), row.fwt());
    }

    /** True when the shown finished run lacks FWT for want of a SinMo reference (a seed group's is its seeds'). */
    public boolean needsReference() {
        RunResult r = result.get();
        if (r == null || r.config() == null || group.get() != null || r.status() != RunStatus.COMPLETED) return false;
        if (org.teracon.workbench.experiment.SingleTaskReference.METHOD.equalsIgnoreCase(r.config().method())) return false;
        return transferRows.size() > 1 && transferRows.stream().skip(1).anyMatch(row -> Double.isNaN(row.fwt()));
    }

    /** Test users the row's scores stand on, -1 while unknown. */
    public int testUsers(TransferScores.Row row) {
        return TransferCells.testUsers(result.get(), row);
    }

    private void clear() {
        group.set(null);
        seedText.set("");
        result.set(null);
        runId.set("");
        runName.set("");
        seedsShown.set("");
        error.set("");
        tasks.clear();
        losses.clear();
        validation.clear();
        selectedLoss.set(null);
        masks.set(null);
        matrix.set(null);
        matrixColumns.clear();
        matrixRows.clear();
        transferRows.clear();
        rhoColumns.clear();
        rhoRows.clear();
        timingRows.clear();
        rhoByStage.clear();
        epochStats.clear();
        stageStartNanos.clear();
        overallProgress.set(0);
        taskProgress.set(0);
        taskText.set("");
        etaText.set("");
    }

    /** Clears everything and shows a stored run (history's "Open"). */
    public void open(RunResult r, List<LossHistory> lossHistories) {
        open(r, lossHistories, "");
    }

    /** As {@link #open(RunResult, List)}, with the name the history lists the run under. */
    public void open(RunResult r, List<LossHistory> lossHistories, String name) {
        if (service.isRunning()) return;
        clear();
        runName.set(name == null ? "" : name);
        show(r);
        showLosses(lossHistories);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return service.runningProperty();
    }

    public boolean isRunning() {
        return service.isRunning();
    }

    public StringProperty statusProperty() { return status; }
    public StringProperty errorProperty() { return error; }
    public StringProperty backendProperty() { return backend; }
    public StringProperty runIdProperty() { return runId; }
    public StringProperty runNameProperty() { return runName; }
    public javafx.beans.binding.ObjectBinding<RunHeader> headerBinding() { return header; }
    public StringProperty taskTextProperty() { return taskText; }
    public StringProperty etaTextProperty() { return etaText; }
    public DoubleProperty overallProgressProperty() { return overallProgress; }
    public DoubleProperty taskProgressProperty() { return taskProgress; }
    public BooleanProperty cancellingProperty() { return cancelling; }
    public ObjectProperty<RunStatus> lastStatusProperty() { return lastStatus; }
    public ObjectProperty<RunResult> resultProperty() { return result; }
    public ObjectProperty<SeedGroup> groupProperty() { return group; }
    public StringProperty seedTextProperty() { return seedText; }
    public ObjectProperty<ExperimentConfig> configProperty() { return config; }
    public ObservableList<String> tasks() { return tasks; }
    public ObservableList<LossHistory> losses() { return losses; }
    public ObjectProperty<LossHistory> selectedLossProperty() { return selectedLoss; }
    public CurveViewModel curves() { return curves; }
    public ObservableList<CurveViewModel.ValidationPoint> validation() { return validation; }
    public ObjectProperty<MaskSimilarityTable> masksProperty() { return masks; }
    public ObservableList<String> layerChoices() { return layerChoices; }
    public StringProperty selectedLayerProperty() { return selectedLayer; }
    public ObjectProperty<HeatmapData> heatmapProperty() { return heatmap; }
    public ObjectProperty<AccuracyMatrix> matrixProperty() { return matrix; }
    public ObservableList<String> matrixColumns() { return matrixColumns; }
    public ObservableList<MatrixRow> matrixRows() { return matrixRows; }
    public ObservableList<TransferScores.Row> transferRows() { return transferRows; }
    public ObservableList<String> rhoColumns() { return rhoColumns; }
    public ObservableList<MatrixRow> rhoRows() { return rhoRows; }
    public ObservableList<TimingRow> timingRows() { return timingRows; }
}
