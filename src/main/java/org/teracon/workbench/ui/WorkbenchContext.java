package org.teracon.workbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.binding.BooleanBinding;
import org.teracon.workbench.app.WorkbenchEngine;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.RunEvent;
import org.teracon.workbench.ui.engine.Background;
import org.teracon.workbench.ui.vm.DatasetViewModel;
import org.teracon.workbench.ui.vm.ExperimentFormViewModel;
import org.teracon.workbench.ui.vm.HistoryViewModel;
import org.teracon.workbench.ui.vm.RunViewModel;
import org.teracon.workbench.ui.vm.StatusViewModel;
import org.teracon.workbench.ui.vm.StudyViewModel;
import org.teracon.workbench.ui.vm.TaskOrderViewModel;

/**
 * The window's state: every view model and how they feed each other. Controllers receive this and
 * only bind controls to it, so the whole workflow can be driven without a window.
 */
public final class WorkbenchContext {
    private final WorkbenchEngine engine;
    private final Path runsRoot;
    private Dialogs dialogs;
    public final DatasetViewModel dataset;
    public final TaskOrderViewModel taskOrder = new TaskOrderViewModel();
    public final ExperimentFormViewModel form = new ExperimentFormViewModel();
    public final RunViewModel run;
    public final HistoryViewModel history;
    public final StudyViewModel study;
    /** A run or a study is in progress: the engine does one thing at a time. */
    public final BooleanBinding busy;
    public final StatusViewModel status = new StatusViewModel();
    /** An experiment loaded before its dataset: its task order is applied once the dataset is open. */
    private ExperimentConfig pendingExperiment;
    private final FormMemory memory;
    /** What to do once the run in progress ends (after training a reference: reopen the run it is for). */
    private java.util.function.Consumer<org.teracon.workbench.experiment.RunResult> afterRun;
    /** The window's look; the window swaps its stylesheet when this changes, and it is remembered. */
    public final javafx.beans.property.ObjectProperty<FormMemory.Theme> theme = new javafx.beans.property.SimpleObjectProperty<>(FormMemory.Theme.LIGHT);

    public WorkbenchContext(WorkbenchEngine engine, Path runsRoot, Dialogs dialogs) {
        this.engine = Objects.requireNonNull(engine);
        this.runsRoot = runsRoot;
        this.dialogs = dialogs;
        this.memory = new FormMemory(runsRoot);
        theme.set(memory.theme());
        theme.addListener((o, was, now) -> Background.submit(() -> {
            memory.rememberTheme(now);
            return now;
        }, x -> { }, t -> { }));
        this.dataset = new DatasetViewModel(engine);
        this.run = new RunViewModel(engine);
        this.history = new HistoryViewModel(engine);
        // The study's current run is shown in the run views; each finished run joins the history at once.
        this.study = new StudyViewModel(engine, events -> {
            run.follow(events);
            if (events.stream().anyMatch(e -> e instanceof RunEvent.RunEnded)) history.refresh();
        });
        this.busy = run.runningProperty().or(study.runningProperty());

        dataset.datasetProperty().addListener((o, was, d) -> datasetOpened(d));
        dataset.errorProperty().addListener((o, was, e) -> reportError("Cannot open dataset", e));
        dataset.loadingTextProperty().addListener((o, was, t) -> {
            if (was.isEmpty() && !t.isEmpty()) status.info(t);
        });
        run.errorProperty().addListener((o, was, e) -> reportError("Run failed", e));
        run.statusProperty().addListener((o, was, s) -> status.info(s));
        history.messageProperty().addListener((o, was, m) -> {
            if (m.startsWith("Cannot")) reportError("Run history", m);
        });
        run.setOnFinished(r -> {
            history.refresh();
            java.util.function.Consumer<org.teracon.workbench.experiment.RunResult> then = afterRun;
            afterRun = null;
            if (then != null) then.accept(r);
        });
        study.errorProperty().addListener((o, was, e) -> reportError("Study", e));
        study.statusProperty().addListener((o, was, s) -> status.info(s));
        study.setOnFinished(o -> history.refresh());
        study.setOnRunStarting(run::setRunSpan);
    }

    private void datasetOpened(Dataset d) {
        if (d == null) return;
        taskOrder.setDataset(d);
        status.clearError();
        status.info("Opened " + dataset.summaryProperty().get());
        if (pendingExperiment != null) {
            taskOrder.apply(pendingExperiment.taskOrder(), pendingExperiment.noisyTask());
            pendingExperiment = null;
        }
    }

    private void reportError(String title, String message) {
        if (message == null || message.isBlank()) return;
        status.error(message);
        if (dialogs != null) dialogs.showError(title, message);
    }

    /** Starts the slow engine queries (method list, backend probe) off the FX thread. */
    public void startup(Path initialDataset) {
        Background.submit(() -> new Startup(engine.methodNames(), memory.lastExperiment().orElse(null)), s -> {
            form.setMethods(s.methods());
            if (s.last() != null) restore(s.last(), initialDataset);
        }, t -> reportError("Methods", Background.describe(t)));
        Background.submit(engine::backend, run.backendProperty()::set, t -> run.backendProperty().set("backend unavailable: " + Background.describe(t)));
        history.refresh();
        if (initialDataset != null && Files.isDirectory(initialDataset)) dataset.open(initialDataset);
    }

    private record Startup(java.util.List<String> methods, ExperimentConfig last) {
    }

    /**
     * The form as the last run or study left it. Its task order only when it was made for the dataset the
     * window opens with: the window always opens that dataset (the bundled sample by default).
     */
    private void restore(ExperimentConfig last, Path initialDataset) {
        form.load(last);
        boolean sameDataset = initialDataset != null && last.dataset() != null && !last.dataset().isBlank()
                && sameFolder(initialDataset, Path.of(last.dataset()));
        if (!sameDataset) return;
        if (dataset.getDataset() != null) taskOrder.apply(last.taskOrder(), last.noisyTask());
        else pendingExperiment = last;
        status.info("The form holds the settings of the last run or study (Reset to defaults clears them).");
    }

    /**
     * Trains the SinMo reference of the shown run's setting (its config with method sinmo), then reopens the
     * shown run, whose FWT column then fills in from the reference cache. The button that calls this is only
     * shown while the run's FWT is blank for want of a reference.
     */
    public void trainReference() {
        var shown = run.resultProperty().get();
        var entry = shown == null ? null : history.runs().stream().filter(e -> e.runId().equals(shown.runId())).findFirst().orElse(null);
        if (entry == null) {
            error("Train SinMo reference", "Open a finished run from the history first: the reference is trained for its setting.");
            return;
        }
        ExperimentConfig sinmo = shown.config().withMethod(org.teracon.workbench.experiment.SingleTaskReference.METHOD)
                .withParams(org.teracon.workbench.method.params.ParamValues.none());
        afterRun = r -> {
            if (r == null || r.status() != org.teracon.workbench.experiment.RunStatus.COMPLETED) return;
            history.open(entry, (result, losses) -> {
                run.open(result, losses, entry.name());
                status.info("SinMo reference trained: FWT filled in for " + entry.name());
            });
        };
        run.start(sinmo, org.teracon.workbench.experiment.SeedList.single(sinmo.seed()),
                new org.teracon.workbench.experiment.RunInfo("SinMo reference · " + entry.name(), java.util.List.of("reference"), ""));
    }

    /** Remembers the experiment a run or study starts with; the next start of the window fills the form with it. */
    public void remember(ExperimentConfig cfg) {
        Background.submit(() -> {
            memory.rememberExperiment(cfg);
            return cfg;
        }, x -> { }, t -> { });
    }

    /** Fills the form from an experiment and, when it names another dataset folder, opens that. */
    public void loadExperiment(ExperimentConfig cfg) {
        form.load(cfg);
        Path current = dataset.folderProperty().get();
        Path wanted = cfg.dataset() == null || cfg.dataset().isBlank() ? null : Path.of(cfg.dataset());
        if (wanted != null && (current == null || !sameFolder(current, wanted)) && Files.isDirectory(wanted)) {
            pendingExperiment = cfg;
            dataset.open(wanted);
        } else {
            taskOrder.apply(cfg.taskOrder(), cfg.noisyTask());
        }
    }

    private static boolean sameFolder(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** The experiment as the window currently describes it; IllegalArgumentException with a user message if not runnable. */
    public ExperimentConfig currentExperiment() {
        Path folder = dataset.folderProperty().get();
        if (folder == null || dataset.getDataset() == null) throw new IllegalArgumentException("Open a dataset first (Ctrl+O).");
        return form.toConfig(folder.toString(), taskOrder.taskOrder(), taskOrder.noisyTask());
    }

    public WorkbenchEngine engine() {
        return engine;
    }

    public Path runsRoot() {
        return runsRoot;
    }

    public Dialogs dialogs() {
        return dialogs;
    }

    public void setDialogs(Dialogs d) {
        dialogs = d;
    }

    private Runnable showRunViews = () -> {
    };

    /** Set by the main window: brings the run views to the front (after reopening a run). */
    public void setShowRunViews(Runnable r) {
        showRunViews = r;
    }

    public void showRunViews() {
        showRunViews.run();
    }

    private Runnable showStudies = () -> {
    };

    /** Set by the main window: brings the studies tab to the front (a study started from the menu). */
    public void setShowStudies(Runnable r) {
        showStudies = r;
    }

    public void showStudies() {
        showStudies.run();
    }

    /** Stops whatever is running (window closing, Esc). */
    public void cancelAll() {
        run.cancel();
        study.cancel();
    }

    public void error(String title, String message) {
        reportError(title, message);
    }
}
