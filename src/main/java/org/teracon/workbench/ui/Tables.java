package org.teracon.workbench.ui;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.teracon.workbench.ui.vm.MatrixRow;

/** Column helpers: tables show pre-formatted strings so that CSV export writes exactly what is shown. */
final class Tables {
    private Tables() {
    }

    static <R> TableColumn<R, String> text(String title, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    /** Columns share the table's width instead of truncating headers. */
    @SuppressWarnings("deprecation")
    static void fitColumns(TableView<?> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    }

    static <R> TableColumn<R, Number> number(String title, Function<R, Number> value) {
        TableColumn<R, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    /** Keeps a task × task table's columns in step with the task list (first column: row label). */
    static void bindMatrix(TableView<MatrixRow> table, ObservableList<String> columns, String corner) {
        Runnable rebuild = () -> {
            TableColumn<MatrixRow, String> first = text(corner, MatrixRow::label);
            first.setPrefWidth(Math.max(140, corner.length() * 7.5 + 24)); // the corner names both axes: keep it whole
            table.getColumns().setAll(List.of(first));
            for (int i = 0; i < columns.size(); i++) {
                int k = i;
                table.getColumns().add(text(columns.get(i), r -> r.cell(k)));
            }
        };
        columns.addListener((ListChangeListener<String>) ch -> rebuild.run());
        rebuild.run();
    }
}
