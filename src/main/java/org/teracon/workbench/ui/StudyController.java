package org.teracon.workbench.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.teracon.workbench.app.StudyOutcome;
import org.teracon.workbench.experiment.ResultTable;
import org.teracon.workbench.experiment.SeedTable;
import org.teracon.workbench.experiment.Studies;
import org.teracon.workbench.experiment.LatexTable;
import org.teracon.workbench.experiment.PaperTables;
import org.teracon.workbench.ui.export.Exports;
import org.teracon.workbench.ui.vm.Fmt;
import org.teracon.workbench.ui.vm.GridRunRow;
import org.teracon.workbench.ui.vm.MatrixRow;
import org.teracon.workbench.ui.vm.StudyViewModel;

/** The studies tab: study parameters, progress, and the result table of the last study. */
public final class StudyController {
    private final WorkbenchContext ctx;
    private final ExportActions export;
    @FXML private Button orderStudyButton;
    @FXML private Button noisyStudyButton;
    @FXML private Button samplingStudyButton;
    @FXML private Button cancelStudyButton;
    @FXML private TextField permutationsField;
    @FXML private Spinner<Integer> noisyPositionSpinner;
    @FXML private javafx.scene.control.CheckBox ownNoisyPosition;
    @FXML private Label noisySource;
    @FXML private ProgressBar studyProgress;
    @FXML private Label studyProgressLabel;
    @FXML private Label studyTitle;
    @FXML private Button studyCsvButton;
    @FXML private Button studyLatexButton;
    @FXML private Button studyMarkdownButton;
    @FXML private TableView<MatrixRow> studyTable;
    @FXML private Label studyStatus;
    @FXML private javafx.scene.layout.HBox runOnBox;
    @FXML private javafx.scene.control.RadioButton runLocal;
    @FXML private javafx.scene.control.RadioButton runSpark;
    @FXML private TextField sparkMasterField;
    @FXML private Label sparkHint;
    @FXML private javafx.scene.layout.VBox gridBox;
    @FXML private Label gridCounts;
    @FXML private TableView<GridRunRow> gridTable;

    public StudyController(WorkbenchContext ctx) {
        this.ctx = ctx;
        this.export = new ExportActions(ctx);
    }

    @FXML
    private void initialize() {
        StudyViewModel vm = ctx.study;
        var cannotStart = ctx.busy.or(ctx.dataset.emptyProperty()).or(ctx.dataset.loadingProperty()).or(ctx.form.validProperty().not());
        for (Button b : List.of(orderStudyButton, noisyStudyButton, samplingStudyButton)) b.disableProperty().bind(cannotStart);
        cancelStudyButton.disableProperty().bind(vm.runningProperty().not());
        permutationsField.textProperty().bindBidirectional(vm.permutationsProperty());
        var pos = new SpinnerValueFactory.IntegerSpinnerValueFactory(2, 99, 2);
        noisyPositionSpinner.setValueFactory(pos);
        // Same reason as on the experiment tab: follow the task list instead of binding max.
        ctx.taskOrder.items().addListener((javafx.collections.ListChangeListener<Object>) ch ->
                pos.setMax(Math.max(2, ctx.taskOrder.taskOrder().size() + 1)));
        pos.valueProperty().addListener((o, was, now) -> {
            if (now != null) vm.noisyPositionProperty().set(now);
        });
        // Unless the study's own box is ticked, the spinner shows (and the study uses) the Experiment tab's position.
        ownNoisyPosition.selectedProperty().bindBidirectional(vm.ownNoisyPositionProperty());
        noisyPositionSpinner.disableProperty().bind(vm.ownNoisyPositionProperty().not());
        Runnable follow = () -> {
            if (!vm.ownNoisyPositionProperty().get()) pos.setValue(Math.max(2, ctx.taskOrder.noisyPositionProperty().get()));
        };
        ctx.taskOrder.noisyPositionProperty().addListener((o, was, now) -> follow.run());
        vm.ownNoisyPositionProperty().addListener((o, was, now) -> follow.run());
        follow.run();
        noisySource.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.ownNoisyPositionProperty().get()
                ? "this study's own position" : "from the Experiment tab", vm.ownNoisyPositionProperty()));
        studyProgress.progressProperty().bind(vm.progressProperty().map(p -> Math.max(0, p.doubleValue())));
        studyProgressLabel.textProperty().bind(vm.progressTextProperty());
        studyStatus.textProperty().bind(vm.statusProperty());
        studyTable.setPlaceholder(new Label("Run a study: its table appears here when all its runs have finished."));
        var noTable = vm.outcomeProperty().map(o -> o.table() == null).orElse(true);
        studyCsvButton.disableProperty().bind(noTable);
        studyLatexButton.disableProperty().bind(noTable);
        studyMarkdownButton.disableProperty().bind(noTable);
        vm.outcomeProperty().addListener((o, was, now) -> show(now));
        bindRunOn(vm);
    }

    /** "Run on": this JVM or a Spark master, and the Spark grid's per-run table while and after it runs. */
    private void bindRunOn(StudyViewModel vm) {
        runSpark.setSelected(vm.onSparkProperty().get());
        runSpark.selectedProperty().addListener((o, was, now) -> vm.onSparkProperty().set(now));
        vm.onSparkProperty().addListener((o, was, now) -> (now ? runSpark : runLocal).setSelected(true));
        sparkMasterField.textProperty().bindBidirectional(vm.sparkMasterProperty());
        runLocal.disableProperty().bind(vm.runningProperty());
        sparkMasterField.disableProperty().bind(vm.runningProperty().or(vm.onSparkProperty().not()));
        if (vm.sparkAvailable()) {
            runSpark.disableProperty().bind(vm.runningProperty());
            sparkHint.setText("each run is one Spark task: local[N] runs N at once in this JVM, spark://host:7077 on a standalone cluster");
        } else {
            // The desktop jar leaves Spark out: say how to get it, as the CLI does. A disabled control shows no
            // tooltip, so the tooltip sits on the row and the same line is on screen.
            runSpark.setDisable(true);
            sparkMasterField.disableProperty().unbind();
            sparkMasterField.setDisable(true);
            sparkHint.setText(vm.sparkUnavailableText());
            javafx.scene.control.Tooltip.install(runOnBox, new javafx.scene.control.Tooltip(vm.sparkUnavailableText()));
        }
        gridCounts.textProperty().bind(vm.grid().countsProperty());
        gridTable.setItems(vm.grid().runs());
        gridTable.getColumns().setAll(List.of(Tables.text("Run", GridRunRow::label), Tables.text("State", GridRunRow::state),
                Tables.text("Executor @ host", GridRunRow::where), Tables.text("Note", GridRunRow::note)));
        Tables.fitColumns(gridTable);
        var anyRows = javafx.beans.binding.Bindings.isNotEmpty(vm.grid().runs());
        gridBox.visibleProperty().bind(anyRows);
        gridBox.managedProperty().bind(anyRows);
    }

    private void show(StudyOutcome o) {
        ResultTable t = o == null ? null : o.table();
        studyTable.getItems().clear();
        studyTable.getColumns().clear();
        if (t == null) {
            studyTitle.setText("Result table");
            return;
        }
        studyTitle.setText(title(t) + (o.seedTable() == null ? "" : " — mean ± std (n) over seeds " + o.seedTable().seeds()));
        TableColumn<MatrixRow, String> first = Tables.text(t.rowHeader(), MatrixRow::label);
        first.setPrefWidth(t.rows().stream().mapToInt(String::length).max().orElse(10) * 7.5 + 24);
        studyTable.getColumns().add(first);
        for (int c = 0; c < t.columns().size(); c++) {
            int k = c;
            TableColumn<MatrixRow, String> col = Tables.text(t.columns().get(c), r -> r.cell(k));
            col.setPrefWidth(Math.max(110, t.columns().get(c).length() * 8 + 24));
            col.getStyleClass().add("number-column");
            studyTable.getColumns().add(col);
        }
        SeedTable seeds = o.seedTable();
        List<MatrixRow> rows = new ArrayList<>();
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                // over several seeds every cell reads mean ± std (n), as the CLI's tables
                cells.add(seeds == null ? Fmt.num(t.values()[r][c]) : seeds.cell(r, c).format());
            }
            rows.add(new MatrixRow(t.rows().get(r), cells));
        }
        studyTable.getItems().setAll(rows);
    }

    private static String title(ResultTable t) {
        return Character.toUpperCase(t.title().charAt(0)) + t.title().substring(1)
                + (t.title().startsWith("noisy") ? " (degradation % = (without − with) / without × 100: a loss is positive)" : "");
    }

    @FXML
    private void orderStudy() {
        StudyActions.start(ctx, Studies.Kind.ORDER);
    }

    @FXML
    private void noisyStudy() {
        StudyActions.start(ctx, Studies.Kind.NOISY);
    }

    @FXML
    private void samplingStudy() {
        StudyActions.start(ctx, Studies.Kind.SAMPLING);
    }

    @FXML
    private void relationsStudy() {
        StudyActions.start(ctx, Studies.Kind.RELATIONS);
    }

    @FXML
    private void cancel() {
        ctx.study.cancel();
    }

    @FXML
    private void exportCsv() {
        ResultTable t = ctx.study.table();
        SeedTable seeds = ctx.study.seedTable();
        if (t != null) export.named(seeds == null ? t.csv() : seeds.csv(), Exports.slug(t.title()), "csv", "CSV table");
    }

    @FXML
    private void exportLatex() {
        ResultTable t = ctx.study.table();
        SeedTable seeds = ctx.study.seedTable();
        if (t != null) {
            String tex = LatexTable.of(seeds == null ? PaperTables.of(t) : PaperTables.of(seeds));
            export.named(tex, Exports.slug(t.title()), "tex", "LaTeX table (booktabs)");
        }
    }

    @FXML
    private void exportMarkdown() {
        ResultTable t = ctx.study.table();
        SeedTable seeds = ctx.study.seedTable();
        if (t != null) export.named(seeds == null ? t.markdown() : seeds.markdown(), Exports.slug(t.title()), "md", "Markdown table");
    }
}
