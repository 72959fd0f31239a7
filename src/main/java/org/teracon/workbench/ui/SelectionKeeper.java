package org.teracon.workbench.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;
import org.teracon.workbench.app.RunEntry;

/**
 * Keeps the history's selection when its list is replaced: the list refreshes whenever a run ends
 * (a study ends several), which would otherwise drop the runs the user was about to compare.
 * Construct before {@code table.setItems(items)} and {@link #attach} after it: list listeners run in
 * the order they were added, so this one sees the change before the table's selection model does.
 */
final class SelectionKeeper {
    private final TableView<RunEntry> table;
    private final ObservableList<RunEntry> items;
    private final List<Path> selected = new ArrayList<>();
    private boolean restoring;

    SelectionKeeper(TableView<RunEntry> table, ObservableList<RunEntry> items) {
        this.table = table;
        this.items = items;
        items.addListener((ListChangeListener<RunEntry>) c -> restoring = true);
    }

    void attach() {
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunEntry>) c -> {
            if (restoring) return;
            selected.clear();
            table.getSelectionModel().getSelectedItems().forEach(e -> selected.add(e.dir()));
        });
        items.addListener((ListChangeListener<RunEntry>) c -> {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < items.size(); i++) {
                if (selected.contains(items.get(i).dir())) table.getSelectionModel().select(i);
            }
            restoring = false;
        });
    }
}
