package org.teracon.workbench.ui;

import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.util.StringConverter;
import org.teracon.workbench.experiment.TransferScores;
import org.teracon.workbench.ui.vm.TransferCells;
import org.teracon.workbench.ui.export.Exports;
import org.teracon.workbench.ui.export.PaperFigure;
import org.teracon.workbench.ui.export.SvgWriter;
import org.teracon.workbench.ui.view.HeatmapView;
import org.teracon.workbench.ui.view.ChartTools;
import org.teracon.workbench.ui.vm.CurveViewModel;
import org.teracon.workbench.ui.vm.Fmt;
import org.teracon.workbench.ui.vm.HeatmapData;
import org.teracon.workbench.ui.vm.LossHistory;
import org.teracon.workbench.ui.vm.MatrixRow;
import org.teracon.workbench.ui.vm.RunTables;
import org.teracon.workbench.ui.vm.RunViewModel;
import org.teracon.workbench.ui.vm.TimingRow;

/** Binds the live/reopened run views (loss, heatmap, tables) to {@link RunViewModel}. */
public final class RunController {
    private final WorkbenchContext ctx;
    private final ExportActions export;
    @FXML private TabPane viewTabs;
    @FXML private Label headerTitle;
    @FXML private javafx.scene.layout.HBox referenceBar;
    @FXML private javafx.scene.control.Button trainReferenceButton;
    @FXML private Label headerScoring;
    @FXML private ComboBox<LossHistory> lossTaskBox;
    @FXML private LineChart<Number, Number> lossChart;
    @FXML private LineChart<Number, Number> validationChart;
    @FXML private javafx.scene.chart.NumberAxis lossXAxis;
    @FXML private javafx.scene.chart.NumberAxis lossYAxis;
    @FXML private javafx.scene.chart.NumberAxis validationXAxis;
    @FXML private javafx.scene.control.Slider smoothingSlider;
    @FXML private javafx.scene.control.CheckBox logScaleBox;
    @FXML private Label curveHoverLabel;
    @FXML private ComboBox<String> layerBox;
    @FXML private Label hoverLabel;
    @FXML private HeatmapView heatmap;
    @FXML private TableView<MatrixRow> matrixTable;
    @FXML private TableView<TransferScores.Row> transferTable;
    @FXML private Label transferNote;
    @FXML private TableView<MatrixRow> rhoTable;
    @FXML private TableView<TimingRow> timingTable;

    public RunController(WorkbenchContext ctx) {
        this.ctx = ctx;
        this.export = new ExportActions(ctx);
    }

    @FXML
    private void initialize() {
        RunViewModel vm = ctx.run;
        lossChart.setId("lossChart");
        heatmap.setId("heatmap");
        matrixTable.setId("matrixTable");
        transferTable.setId("transferTable");
        rhoTable.setId("rhoTable");
        timingTable.setId("timingTable");
        viewTabs.setId("runViewTabs");
        headerTitle.setId("runHeaderTitle");
        trainReferenceButton.setId("trainReferenceButton");
        var needsReference = javafx.beans.binding.Bindings.createBooleanBinding(vm::needsReference, vm.resultProperty(), vm.transferRows(), vm.groupProperty());
        referenceBar.visibleProperty().bind(needsReference);
        referenceBar.managedProperty().bind(needsReference);
        trainReferenceButton.disableProperty().bind(ctx.busy);
        headerScoring.setId("runHeaderScoring");
        headerTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.headerBinding().get().title(), vm.headerBinding()));
        headerScoring.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.headerBinding().get().scoring(), vm.headerBinding()));

        // "Whole run" first, then one entry per task as the run reaches it
        javafx.collections.ObservableList<LossHistory> scopes = javafx.collections.FXCollections.observableArrayList();
        Runnable fillScopes = () -> {
            java.util.List<LossHistory> all = new java.util.ArrayList<>();
            if (!vm.losses().isEmpty()) all.add(CurveViewModel.WHOLE_RUN);
            all.addAll(vm.losses());
            scopes.setAll(all);
        };
        vm.losses().addListener((javafx.collections.ListChangeListener<LossHistory>) c -> fillScopes.run());
        fillScopes.run();
        lossTaskBox.setItems(scopes);
        lossTaskBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(LossHistory h) {
                return h == null ? "" : h.task();
            }

            @Override
            public LossHistory fromString(String s) {
                return null;
            }
        });
        lossTaskBox.valueProperty().bindBidirectional(vm.selectedLossProperty());
        vm.selectedLossProperty().addListener((o, was, now) -> showLoss(now));
        showLoss(vm.selectedLossProperty().get());
        CurveViewModel curves = vm.curves();
        smoothingSlider.setId("smoothingSlider");
        logScaleBox.setId("logScaleBox");
        validationChart.setId("validationChart");
        curveHoverLabel.setId("curveHoverLabel");
        smoothingSlider.valueProperty().bindBidirectional(curves.smoothingProperty());
        logScaleBox.selectedProperty().bindBidirectional(curves.logScaleProperty());
        lossChart.setData(curves.lossSeries());
        validationChart.setData(curves.validationSeries());
        lossXAxis.labelProperty().bind(curves.xLabelProperty());
        validationXAxis.labelProperty().bind(curves.xLabelProperty());
        lossYAxis.labelProperty().bind(curves.yLabelProperty());
        for (LineChart<Number, Number> c : java.util.List.of(lossChart, validationChart)) {
            ChartTools.install(c, curveHoverLabel.textProperty());
            ChartTools.markers(c, curves.boundaries());
        }

        layerBox.setItems(vm.layerChoices());
        layerBox.valueProperty().bindBidirectional(vm.selectedLayerProperty());
        heatmap.dataProperty().bind(vm.heatmapProperty());
        heatmap.darkProperty().bind(ctx.theme.isEqualTo(FormMemory.Theme.DARK));
        hoverLabel.textProperty().bind(heatmap.hoverTextProperty());

        Tables.bindMatrix(matrixTable, vm.matrixColumns(), "after task \\ on task");
        matrixTable.setItems(vm.matrixRows());
        transferTable.getColumns().setAll(java.util.List.of(
                Tables.text("Task", TransferScores.Row::task),
                Tables.text("Metric", vm::metricLabel),
                Tables.text("R(T_i,T_i)", r -> vm.transferCell(r, TransferScores.Row::learned, false)),
                Tables.text("R(T_M,T_i)", r -> vm.transferCell(r, TransferScores.Row::last, false)),
                Tables.text("BWT %", vm::bwtCell),
                Tables.text("Test users", r -> TransferCells.users(vm.testUsers(r))),
                Tables.text("Single-task", r -> vm.transferCell(r, TransferScores.Row::reference, false)),
                fwtColumn()));
        transferTable.setItems(vm.transferRows());
        transferNote.setId("transferNote");
        transferNote.setText(TransferCells.FOOTNOTE + "\n" + TransferCells.NO_REFERENCE_HELP);
        Tables.bindMatrix(rhoTable, vm.rhoColumns(), "current task i \\ old task j");
        rhoTable.setItems(vm.rhoRows());
        timingTable.getColumns().setAll(java.util.List.of(
                Tables.text("Task", TimingRow::task),
                Tables.text("Epochs", r -> r.epochs() == 0 ? "" : Integer.toString(r.epochs())),
                Tables.text("Seconds / epoch", r -> Fmt.num(r.meanEpochSeconds())),
                Tables.text("Task seconds", r -> Fmt.num(r.stageSeconds())),
                Tables.text("Last validation score", r -> Fmt.num(r.lastValidation()))));
        timingTable.setItems(vm.timingRows());
        for (TableView<?> t : java.util.List.of(transferTable, timingTable)) Tables.fitColumns(t);
        for (TableView<?> t : java.util.List.of(matrixTable, transferTable, rhoTable, timingTable)) {
            t.setPlaceholder(new Label("Fills in as the run evaluates each task."));
        }
    }

    private void showLoss(LossHistory h) {
        lossChart.setTitle(h == null ? "Training loss" : "Training loss — " + h.task());
        validationChart.setTitle(h == null ? "Validation score" : "Validation score — " + h.task());
        ChartTools.resetZoom(lossChart);
        ChartTools.resetZoom(validationChart);
    }

    @FXML
    private void exportLossPng() {
        export.png(lossChart, lossName(), false);
    }

    @FXML
    private void exportLossSvg() {
        export.svg(() -> SvgWriter.lineChart(lossChart.getTitle(), ctx.run.curves().xLabelProperty().get(),
                ctx.run.curves().yLabelProperty().get(), lossSeries()), lossName());
    }

    @FXML
    private void exportLossPdf() {
        export.pdf(() -> PaperFigure.lineChart(ctx.run.curves().xLabelProperty().get(), ctx.run.curves().yLabelProperty().get(), lossSeries()),
                lossName());
    }

    /** What the loss chart draws now: the scope, smoothing and scale the user chose. */
    private java.util.List<SvgWriter.Series> lossSeries() {
        return Exports.seriesOf(ctx.run.curves().lossSeries());
    }

    private String lossName() {
        LossHistory h = ctx.run.selectedLossProperty().get();
        return "loss_" + Exports.slug(h == null ? "none" : h.task());
    }

    /** The heatmap view keeps the empty space its tab gives it: the PNG is cut to the drawing. */
    @FXML
    private void exportHeatmapPng() {
        export.png(heatmap, "heatmap", true);
    }

    @FXML
    private void exportHeatmapSvg() {
        HeatmapData d = shownHeatmap();
        if (d != null) export.svg(() -> SvgWriter.heatmap(d), "heatmap");
    }

    @FXML
    private void exportHeatmapPdf() {
        HeatmapData d = shownHeatmap();
        if (d != null) export.pdf(() -> PaperFigure.heatmap(d), "heatmap");
    }

    @FXML
    private void exportHeatmapCsv() {
        HeatmapData d = shownHeatmap();
        if (d != null) export.csv(() -> RunTables.heatmap(d), "heatmap");
    }

    private HeatmapData shownHeatmap() {
        HeatmapData d = ctx.run.heatmapProperty().get();
        if (d == null) ctx.error("Export", "No heatmap yet: it fills after the first task of a method with masks.");
        return d;
    }

    @FXML
    private void exportMatrixCsv() {
        export.csv(() -> RunTables.matrix(ctx.run), "accuracy_matrix");
    }

    @FXML
    private void exportMatrixLatex() {
        export.latex(() -> RunTables.matrix(ctx.run), "accuracy_matrix");
    }

    /** FWT cells say why they are blank, in the cell and in its tooltip. */
    private javafx.scene.control.TableColumn<TransferScores.Row, String> fwtColumn() {
        javafx.scene.control.TableColumn<TransferScores.Row, String> c = Tables.text("FWT %", ctx.run::fwtCell);
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(!empty && TransferCells.NO_REFERENCE.equals(item) ? new javafx.scene.control.Tooltip(TransferCells.NO_REFERENCE_HELP) : null);
            }
        });
        return c;
    }

    @FXML
    private void trainReference() {
        ctx.trainReference();
    }

    @FXML
    private void exportTransferCsv() {
        export.csv(() -> RunTables.transfer(ctx.run), "transfer");
    }

    @FXML
    private void exportTransferLatex() {
        export.latex(() -> RunTables.transfer(ctx.run), "transfer");
    }

    @FXML
    private void exportRhoCsv() {
        export.csv(ctx.run::rhoTable, "sampling_rates");
    }

    @FXML
    private void exportTimingCsv() {
        export.csv(() -> RunTables.timing(ctx.run.timingRows()), "timing");
    }

    /** Lets the main window switch to a view (tests and screenshots too). */
    public void select(int index) {
        viewTabs.getSelectionModel().select(index);
    }
}
