package org.teracon.workbench.ui;

import java.nio.file.Path;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.teracon.workbench.ui.vm.DatasetViewModel;
import org.teracon.workbench.ui.vm.TaskRow;

/** Binds the dataset tab to {@link DatasetViewModel}; open/import delegate to {@link DatasetActions}. */
public final class DatasetController {
    private final WorkbenchContext ctx;
    @FXML private VBox content;
    @FXML private VBox emptyState;
    @FXML private Label summaryLabel;
    @FXML private Label folderLabel;
    @FXML private TableView<TaskRow> taskTable;
    @FXML private ListView<String> reportList;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private javafx.scene.layout.HBox loadingBar;
    @FXML private Label loadingLabel;
    @FXML private Label emptyLoadingLabel;

    public DatasetController(WorkbenchContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        DatasetViewModel vm = ctx.dataset;
        taskTable.setId("taskTable");
        taskTable.getColumns().setAll(java.util.List.of(
                Tables.number("#", TaskRow::index),
                Tables.text("Task", TaskRow::name),
                Tables.text("Kind", TaskRow::kind),
                Tables.number("Users", TaskRow::users),
                Tables.number("Instances", TaskRow::instances),
                Tables.number("Classes", TaskRow::classes)));
        taskTable.setItems(vm.tasks());
        reportList.setItems(vm.reportLines());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        folderLabel.textProperty().bind(vm.folderProperty().map(p -> "Folder: " + p.toAbsolutePath()).orElse(""));
        content.visibleProperty().bind(vm.emptyProperty().not());
        emptyState.visibleProperty().bind(vm.emptyProperty());
        loadingIndicator.visibleProperty().bind(vm.loadingProperty());
        // With a dataset open the empty state is hidden: the bar above the tables says what is loading.
        loadingBar.visibleProperty().bind(vm.loadingProperty());
        loadingBar.managedProperty().bind(vm.loadingProperty());
        loadingLabel.setId("loadingLabel");
        loadingLabel.textProperty().bind(vm.loadingTextProperty());
        emptyLoadingLabel.textProperty().bind(vm.loadingTextProperty());
        emptyLoadingLabel.visibleProperty().bind(vm.loadingProperty());
    }

    @FXML
    private void open() {
        DatasetActions.open(ctx);
    }

    @FXML
    private void importMovieLens() {
        DatasetActions.importMovieLens(ctx);
    }

    /** Shared by the tab's buttons and the File menu. */
    static final class DatasetActions {
        private DatasetActions() {
        }

        static void open(WorkbenchContext ctx) {
            Path start = ctx.dataset.folderProperty().get();
            ctx.dialogs().chooseDirectory("Open dataset folder", start == null ? Path.of("") : start.getParent())
                    .ifPresent(ctx.dataset::open);
        }

        static void importMovieLens(WorkbenchContext ctx) {
            ctx.dialogs().chooseDirectory("MovieLens folder to import (u.data / ratings.dat)", Path.of("")).ifPresent(src ->
                    ctx.dialogs().importSettings(30, 5).ifPresent(opts ->
                            ctx.dialogs().chooseDirectory("Where to create the imported dataset folder", Path.of(""))
                                    .ifPresent(parent -> importInto(ctx, src, opts, parent.resolve(src.getFileName() + "-dataset")))));
        }

        /** A folder this tool wrote is replaced only when the user says so; anything else there is refused by the engine. */
        private static void importInto(WorkbenchContext ctx, Path src, int[] opts, Path target) {
            boolean replace = false;
            if (ctx.dataset.holdsOurDataset(target)) {
                replace = ctx.dialogs().confirm("Replace dataset", target + " already holds a dataset folder written by this tool. Replace it?");
                if (!replace) return;
            }
            ctx.dataset.importMovieLens(src, opts[0], opts[1], target, replace);
        }
    }
}
