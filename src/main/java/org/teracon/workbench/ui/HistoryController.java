package org.teracon.workbench.ui;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import org.teracon.workbench.app.RunEntry;
import org.teracon.workbench.ui.vm.Fmt;
import org.teracon.workbench.ui.vm.HistoryViewModel;

/** Run history: list, reopen into the run views, resume, and send a selection to the Compare view beside it. */
public final class HistoryController {
    private final WorkbenchContext ctx;
    @FXML private TableView<RunEntry> runTable;
    @FXML private Button openButton;
    @FXML private Button compareButton;
    @FXML private Button resumeButton;
    @FXML private Label historyMessage;
    @FXML private javafx.scene.control.TextField filterField;
    @FXML private javafx.scene.control.TextField nameField;
    @FXML private javafx.scene.control.TextField tagsField;
    @FXML private javafx.scene.control.TextField noteField;
    @FXML private Button saveInfoButton;

    public HistoryController(WorkbenchContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        HistoryViewModel vm = ctx.history;
        runTable.setId("runTable");
        runTable.getColumns().setAll(List.of(
                Tables.text("Name", RunEntry::name),
                Tables.text("Tags", r -> String.join(", ", r.tags())),
                Tables.text("Study", RunEntry::study),
                Tables.text("Method", RunEntry::method),
                Tables.text("Dataset", r -> r.dataset() == null ? "" : java.nio.file.Path.of(r.dataset()).getFileName() + ""),
                Tables.text("Order", r -> String.join(" → ", r.order())),
                Tables.text("Settings", RunEntry::settings),
                Tables.text("Mean final", r -> Fmt.num(r.meanFinal())),
                Tables.text("Mean BWT %", r -> Double.isNaN(r.meanBwt()) ? "" : String.format(java.util.Locale.ROOT, "%+.2f", r.meanBwt())),
                Tables.text("Duration", r -> Double.isNaN(r.seconds()) ? "" : Fmt.seconds(r.seconds())),
                Tables.text("Status", r -> String.valueOf(r.status())),
                Tables.text("Started", RunEntry::startedAt),
                Tables.text("Run", RunEntry::runId)));
        // Sorting by a column header sorts the filtered list; the filter box narrows it.
        javafx.collections.transformation.SortedList<RunEntry> sorted = new javafx.collections.transformation.SortedList<>(vm.shownRuns());
        sorted.comparatorProperty().bind(runTable.comparatorProperty());
        SelectionKeeper keeper = new SelectionKeeper(runTable, vm.runs());
        runTable.setItems(sorted);
        keeper.attach();
        filterField.setId("historyFilter");
        filterField.textProperty().bindBidirectional(vm.filterProperty());
        runTable.getSelectionModel().selectedItemProperty().addListener((o, was, e) -> {
            nameField.setText(e == null ? "" : e.name());
            tagsField.setText(e == null ? "" : String.join(", ", e.tags()));
            noteField.setText(e == null ? "" : org.teracon.workbench.experiment.RunInfo.read(e.dir()) == null ? "" : org.teracon.workbench.experiment.RunInfo.read(e.dir()).note());
        });
        saveInfoButton.disableProperty().bind(runTable.getSelectionModel().selectedItemProperty().isNull());
        runTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        var selected = runTable.getSelectionModel().getSelectedItems();
        openButton.disableProperty().bind(javafx.beans.binding.Bindings.size(selected).isNotEqualTo(1)
                .or(ctx.busy));
        compareButton.disableProperty().bind(javafx.beans.binding.Bindings.size(selected).lessThan(2));
        // resumable: one selected run, not completed, with a checkpoint, not being written by a live process
        resumeButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.size() != 1 || !vm.canResume(selected.get(0)), selected).or(ctx.busy));
        runTable.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) openRun();
        });
        historyMessage.textProperty().bind(vm.messageProperty());
    }

    @FXML
    private void saveInfo() {
        RunEntry e = runTable.getSelectionModel().getSelectedItem();
        if (e != null) ctx.history.describe(e, nameField.getText(), tagsField.getText(), noteField.getText());
    }

    @FXML
    private void refresh() {
        ctx.history.refresh();
    }

    @FXML
    private void openRun() {
        RunEntry e = runTable.getSelectionModel().getSelectedItem();
        if (e == null || ctx.run.isRunning()) return;
        ctx.history.open(e, (result, losses) -> {
            ctx.run.open(result, losses, e.name());
            ctx.status.info("Opened run " + result.runId());
            ctx.showRunViews();
        });
    }

    @FXML
    private void resumeRun() {
        RunEntry e = runTable.getSelectionModel().getSelectedItem();
        if (e == null || ctx.run.isRunning()) return;
        ctx.history.resume(e, result -> {
            ctx.run.resume(e.dir(), result.config());
            ctx.status.info("Resuming run " + e.runId() + " from its last checkpoint");
            ctx.showRunViews();
        });
    }

    @FXML
    private void compare() {
        ctx.history.compare(List.copyOf(runTable.getSelectionModel().getSelectedItems()));
    }
}
