package org.teracon.workbench.ui;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.geometry.Bounds;
import javafx.scene.Cursor;
import javafx.scene.Node;
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
        // Reordering inside one list needs no system drag-and-drop (clipboard, drag image): a
        // press-drag-release gesture is enough, works the same on every platform and headless.
        setOnMouseDragged(e -> {
            if (isEmpty() || !vm.canMove(getIndex())) return;
            dragging = true;
            setCursor(Cursor.MOVE);
            highlight(cellAt(e.getSceneX(), e.getSceneY()));
            e.consume();
        });
        setOnMouseReleased(e -> {
            if (!dragging) return;
            dragging = false;
            setCursor(Cursor.DEFAULT);
            highlight(null);
            TaskOrderCell target = cellAt(e.getSceneX(), e.getSceneY());
            int to = target == null ? getListView().getItems().size() - 1 : target.getIndex();
            TaskOrderItem item = getItem();
            if (vm.move(getIndex(), to)) getListView().getSelectionModel().select(item);
            e.consume();
        });
    }

    private boolean dragging;

    private TaskOrderCell cellAt(double sceneX, double sceneY) {
        TaskOrderCell best = null;
        for (Node n : getListView().lookupAll(".list-cell")) {
            if (n instanceof TaskOrderCell c && !c.isEmpty() && c.isVisible()) {
                Bounds b = c.localToScene(c.getBoundsInLocal());
                if (b.contains(sceneX, sceneY)) return c;
                if (sceneY > b.getMaxY() && (best == null || c.getIndex() > best.getIndex())) best = c;
            }
        }
        return best;
    }

    private void highlight(TaskOrderCell target) {
        for (Node n : getListView().lookupAll(".list-cell")) n.getStyleClass().remove("drop-target");
        if (target != null && target != this) target.getStyleClass().add("drop-target");
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
        if (item.isAnyNoisy()) getStyleClass().add("noisy");
        setGraphic(box);
        setText(null);
    }
}
