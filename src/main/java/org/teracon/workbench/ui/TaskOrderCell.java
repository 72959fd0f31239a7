package org.teracon.workbench.ui;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.teracon.workbench.ui.vm.TaskOrderItem;
import org.teracon.workbench.ui.vm.TaskOrderViewModel;

/**
 * A task-order row: include checkbox, name, detail; drag source and drop target. The view model
 * decides what may move (T1 may not), the cell only translates gestures into {@code move(from, to)}.
 */
final class TaskOrderCell extends ListCell<TaskOrderItem> {
    private static final String DRAG_PREFIX = "teracon-task-index:";
    private final TaskOrderViewModel vm;
    private final CheckBox include = new CheckBox();
    private final Label name = new Label();
    private final Label detail = new Label();
    private final HBox box;
    private TaskOrderItem bound;

    TaskOrderCell(TaskOrderViewModel vm) {
        this.vm = vm;
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        detail.getStyleClass().add("muted");
        name.getStyleClass().add("task-name");
        box = new HBox(8, include, name, spacer, detail);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setOnDragDetected(e -> {
            if (isEmpty() || !vm.canMove(getIndex())) return;
            Dragboard db = startDragAndDrop(TransferMode.MOVE);
            ClipboardContent c = new ClipboardContent();
            c.putString(DRAG_PREFIX + getIndex());
            db.setContent(c);
            e.consume();
        });
        setOnDragOver(e -> {
            if (draggedIndex(e) >= 0) e.acceptTransferModes(TransferMode.MOVE);
            e.consume();
        });
        setOnDragEntered(e -> {
            if (draggedIndex(e) >= 0 && !getStyleClass().contains("drop-target")) getStyleClass().add("drop-target");
        });
        setOnDragExited(e -> getStyleClass().remove("drop-target"));
        setOnDragDropped(e -> {
            int from = draggedIndex(e);
            int to = isEmpty() ? getListView().getItems().size() - 1 : getIndex();
            boolean moved = from >= 0 && vm.move(from, to);
            if (moved) getListView().getSelectionModel().select(getListView().getItems().indexOf(vm.items().get(Math.max(1, Math.min(to, vm.items().size() - 1)))));
            e.setDropCompleted(moved);
            e.consume();
        });
    }

    private static int draggedIndex(DragEvent e) {
        Dragboard db = e.getDragboard();
        if (!db.hasString() || !db.getString().startsWith(DRAG_PREFIX)) return -1;
        try {
            return Integer.parseInt(db.getString().substring(DRAG_PREFIX.length()));
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    @Override
    protected void updateItem(TaskOrderItem item, boolean empty) {
        super.updateItem(item, empty);
        if (bound != null) include.selectedProperty().unbindBidirectional(bound.includedProperty());
        bound = null;
        getStyleClass().removeAll("pinned", "noisy");
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        bound = item;
        include.selectedProperty().bindBidirectional(item.includedProperty());
        include.setDisable(item.isFirst());
        name.setText((getIndex() + 1) + ". " + item.name() + (item.isFirst() ? "  (pinned)" : ""));
        detail.setText(item.detail());
        if (item.isFirst()) getStyleClass().add("pinned");
        if (item.isNoisy()) getStyleClass().add("noisy");
        setGraphic(box);
        setText(null);
    }
}
