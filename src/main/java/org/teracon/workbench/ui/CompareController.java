package org.teracon.workbench.ui;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TabPane;
import org.teracon.workbench.app.compare.CompareMeasure;
import org.teracon.workbench.app.compare.CompareUnit;
import org.teracon.workbench.app.compare.RunComparison;
import org.teracon.workbench.app.compare.SettingsDiff;
import org.teracon.workbench.app.compare.TaskComparison;
import org.teracon.workbench.ui.view.ErrorBarChart;
import org.teracon.workbench.ui.view.HeatmapView;
import org.teracon.workbench.ui.vm.CompareCells;
import org.teracon.workbench.ui.vm.CompareViewModel;

/** Binds the Compare view (fxml/compare.fxml) to {@link CompareViewModel}; columns follow the compared units. */
public final class CompareController {
    private final WorkbenchContext ctx;
    private final ExportActions export;
    @FXML private ComboBox<String> referenceBox;
    @FXML private ComboBox<CompareMeasure> measureBox;
    @FXML private CheckBox groupSeedsBox;
    @FXML private Label compareMessage;
    @FXML private TabPane compareTabs;
    @FXML private TableView<TaskComparison.Row> compareTable;
    @FXML private TableView<SettingsDiff.Row> settingsTable;
    @FXML private LineChart<Number, Number> compareLossChart;
    @FXML private LineChart<Number, Number> compareValidationChart;
    @FXML private ComboBox<String> differenceBox;
    @FXML private HeatmapView differenceHeatmap;
    @FXML private Label differenceNotes;
    @FXML private ErrorBarChart barChart;

    public CompareController(WorkbenchContext ctx) {
        this.ctx = ctx;
        this.export = new ExportActions(ctx);
    }

    @FXML
    private void initialize() {
        CompareViewModel vm = ctx.history.comparison();
        referenceBox.setId("referenceBox");
        compareTable.setId("compareTable");
        settingsTable.setId("settingsTable");
        differenceHeatmap.setId("differenceHeatmap");
        barChart.setId("compareBarChart");
        referenceBox.setItems(vm.unitLabels());
        referenceBox.valueProperty().bindBidirectional(vm.referenceProperty());
        measureBox.getItems().setAll(CompareMeasure.values());
        measureBox.valueProperty().bindBidirectional(vm.measureProperty());
        groupSeedsBox.selectedProperty().bindBidirectional(vm.groupSeedsProperty());
        compareMessage.textProperty().bind(vm.messageProperty());
        compareTable.setItems(vm.taskRows());
        compareTable.setPlaceholder(new Label("Select two or more runs and press Compare."));
        settingsTable.setItems(vm.settingsRows());
        settingsTable.setPlaceholder(new Label("No settings differ."));
        compareLossChart.setData(vm.lossSeries());
        compareValidationChart.setData(vm.validationSeries());
        barChart.setData(vm.barSeries());
        differenceBox.setItems(vm.differenceLabels());
        differenceBox.valueProperty().bindBidirectional(vm.shownDifferenceProperty());
        differenceHeatmap.dataProperty().bind(vm.heatmapProperty());
        differenceHeatmap.darkProperty().bind(ctx.theme.isEqualTo(FormMemory.Theme.DARK));
        differenceNotes.textProperty().bind(vm.differenceNotesProperty());
        vm.comparisonProperty().addListener((o, was, c) -> rebuildColumns(c));
    }

    private void rebuildColumns(RunComparison c) {
        if (c == null) {
            compareTable.getColumns().clear();
            settingsTable.getColumns().clear();
            return;
        }
        TableColumn<SettingsDiff.Row, String> key = Tables.text("Setting", SettingsDiff.Row::key);
        key.setPrefWidth(200);
        settingsTable.getColumns().setAll(List.of(key));
        TableColumn<TaskComparison.Row, String> task = Tables.text("Task", TaskComparison.Row::task);
        task.setPrefWidth(140);
        compareTable.getColumns().setAll(List.of(task, Tables.text("Metric", TaskComparison.Row::metric)));
        for (int i = 0; i < c.units().size(); i++) {
            int u = i;
            CompareUnit unit = c.units().get(u);
            String name = unit.label() + (u == c.reference() ? " (reference)" : "");
            TableColumn<SettingsDiff.Row, String> setting = Tables.text(name, r -> r.values().get(u));
            setting.setPrefWidth(150);
            settingsTable.getColumns().add(setting);
            TableColumn<TaskComparison.Row, String> value = Tables.text(name,
                    r -> CompareCells.value(r.values().get(u), unit.isGroup(), c.measure()));
            value.setId("value-" + u);
            value.setPrefWidth(unit.isGroup() ? 190 : 120);
            compareTable.getColumns().add(value);
            if (u == c.reference()) continue;
            TableColumn<TaskComparison.Row, String> delta = Tables.text("Δ " + unit.label(), r -> CompareCells.delta(r.deltas().get(u), c.measure()));
            delta.setId("delta-" + u);
            delta.getStyleClass().add("diff-column");
            delta.setPrefWidth(110);
            compareTable.getColumns().add(delta);
            if (unit.isGroup() && c.referenceUnit().isGroup()) {
                TableColumn<TaskComparison.Row, String> p = Tables.text("p t / Wilcoxon (pairs)", r -> CompareCells.test(r.tests().get(u)));
                p.setId("p-" + u);
                p.setPrefWidth(170);
                compareTable.getColumns().add(p);
            }
        }
    }

    @FXML
    private void exportCsv() {
        export.csv(this::table, "comparison");
    }

    @FXML
    private void exportLatex() {
        export.latex(this::table, "comparison");
    }

    private org.teracon.workbench.experiment.PaperTable table() {
        var c = ctx.history.comparison().comparisonProperty().get();
        return c == null ? null : c.table();
    }
}
