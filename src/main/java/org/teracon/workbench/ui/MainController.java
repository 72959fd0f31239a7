package org.teracon.workbench.ui;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.ui.engine.Background;

/** Menus, run bar and status bar. Actions delegate to view models or the small *Actions helpers. */
public final class MainController {
    private final WorkbenchContext ctx;
    @FXML private javafx.scene.control.CheckMenuItem darkThemeItem;
    @FXML private BorderPane root;
    @FXML private MenuItem runItem;
    @FXML private MenuItem cancelItem;
    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar taskProgress;
    @FXML private ProgressBar overallProgress;
    @FXML private Label taskLabel;
    @FXML private Label etaLabel;
    @FXML private TabPane tabs;
    @FXML private Tab datasetTab;
    @FXML private Tab experimentTab;
    @FXML private Tab runTab;
    @FXML private Tab historyTab;
    @FXML private Tab studiesTab;
    @FXML private MenuItem orderStudyItem;
    @FXML private MenuItem noisyStudyItem;
    @FXML private MenuItem samplingStudyItem;
    @FXML private Label statusLabel;
    @FXML private Label errorLabel;
    @FXML private Label backendLabel;

    public MainController(WorkbenchContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        darkThemeItem.setSelected(ctx.theme.get() == FormMemory.Theme.DARK);
        darkThemeItem.selectedProperty().addListener((o, was, now) -> ctx.theme.set(now ? FormMemory.Theme.DARK : FormMemory.Theme.LIGHT));
        runButton.setId("runButton");
        cancelButton.setId("cancelButton");
        var cannotRun = ctx.busy.or(ctx.form.validProperty().not()).or(ctx.dataset.emptyProperty())
                .or(ctx.dataset.loadingProperty());
        runButton.disableProperty().bind(cannotRun);
        runItem.disableProperty().bind(cannotRun);
        for (MenuItem m : java.util.List.of(orderStudyItem, noisyStudyItem, samplingStudyItem)) m.disableProperty().bind(cannotRun);
        cancelButton.disableProperty().bind(ctx.busy.not().or(ctx.run.cancellingProperty()));
        cancelItem.disableProperty().bind(cancelButton.disableProperty());
        taskProgress.progressProperty().bind(ctx.run.taskProgressProperty());
        overallProgress.progressProperty().bind(ctx.run.overallProgressProperty());
        taskProgress.setId("taskProgress");
        overallProgress.setId("overallProgress");
        taskLabel.textProperty().bind(ctx.run.taskTextProperty());
        etaLabel.textProperty().bind(ctx.run.etaTextProperty());
        statusLabel.setId("statusLabel");
        errorLabel.setId("errorLabel");
        statusLabel.textProperty().bind(ctx.status.messageProperty());
        errorLabel.textProperty().bind(ctx.status.errorProperty());
        backendLabel.textProperty().bind(Bindings.createStringBinding(
                () -> ctx.run.backendProperty().get().isEmpty() ? "Backend: probing …" : "Backend: " + ctx.run.backendProperty().get(),
                ctx.run.backendProperty()));
        backendLabel.setId("backendLabel");
        // Explain a disabled Run button instead of leaving the user guessing.
        // Every field change re-says why (an invalidation listener fires on each change, not only when
        // valid flips), so the reason never names a field that has since been fixed.
        ctx.form.validProperty().addListener((javafx.beans.Observable o) -> {
            boolean ok = ctx.form.validProperty().get();
            String shown = ctx.status.messageProperty().get();
            if (!ok) ctx.status.info("Run disabled: " + ctx.form.problems().replace('\n', ';'));
            else if (shown != null && shown.startsWith("Run disabled:")) ctx.status.info("Ready");
        });
        ctx.setShowRunViews(() -> tabs.getSelectionModel().select(runTab));
        ctx.setShowStudies(() -> tabs.getSelectionModel().select(studiesTab));
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) installAccelerators(scene);
        });
    }

    private void installAccelerators(Scene scene) {
        // Ctrl+. is the second cancel shortcut; a menu item holds only one accelerator (Esc).
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN), this::cancel);
    }

    @FXML
    void run() {
        if (ctx.run.isRunning()) return;
        ExperimentConfig cfg;
        try {
            cfg = ctx.currentExperiment();
        } catch (IllegalArgumentException e) {
            ctx.error("Cannot start the run", e.getMessage());
            return;
        }
        ctx.status.clearError();
        ctx.run.start(cfg, ctx.form.seedList(), ctx.form.runInfo(cfg));
        ctx.remember(cfg);
        tabs.getSelectionModel().select(runTab);
    }

    @FXML
    void cancel() {
        ctx.cancelAll();
    }

    @FXML
    private void orderStudy() {
        StudyActions.start(ctx, org.teracon.workbench.experiment.Studies.Kind.ORDER);
    }

    @FXML
    private void noisyStudy() {
        StudyActions.start(ctx, org.teracon.workbench.experiment.Studies.Kind.NOISY);
    }

    @FXML
    private void samplingStudy() {
        StudyActions.start(ctx, org.teracon.workbench.experiment.Studies.Kind.SAMPLING);
    }

    @FXML
    private void showStudiesTab() {
        tabs.getSelectionModel().select(studiesTab);
    }

    @FXML
    private void openDataset() {
        DatasetController.DatasetActions.open(ctx);
    }

    @FXML
    private void importMovieLens() {
        DatasetController.DatasetActions.importMovieLens(ctx);
    }

    @FXML
    private void loadExperiment() {
        ExperimentActions.load(ctx);
    }

    @FXML
    private void saveExperiment() {
        ExperimentActions.save(ctx);
    }

    @FXML
    private void exportReport() {
        if (ctx.run.resultProperty().get() == null && ctx.run.matrixRows().isEmpty()) {
            ctx.error("Export report", "No run to export: run an experiment or open one from the history.");
            return;
        }
        String stem = new ExportActions(ctx).stem();
        ctx.dialogs().chooseDirectory("Folder to write the report into", Path.of("")).ifPresent(parent -> {
            Path folder = parent.resolve("report-" + stem);
            ReportExporter.Report report = ReportExporter.capture(ctx.run, stem);
            Background.submit(() -> report.write(folder),
                    files -> ctx.status.info("Report: " + files.size() + " files in " + folder),
                    t -> ctx.error("Export report failed", Background.describe(t)));
        });
    }

    @FXML
    private void exit() {
        ctx.cancelAll();
        Platform.exit();
    }

    @FXML
    private void showDatasetTab() {
        tabs.getSelectionModel().select(datasetTab);
    }

    @FXML
    private void showExperimentTab() {
        tabs.getSelectionModel().select(experimentTab);
    }

    @FXML
    private void showRunTab() {
        tabs.getSelectionModel().select(runTab);
    }

    @FXML
    private void showHistoryTab() {
        tabs.getSelectionModel().select(historyTab);
    }

    public TabPane tabs() {
        return tabs;
    }
}
