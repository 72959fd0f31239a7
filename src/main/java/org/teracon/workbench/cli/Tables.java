package org.teracon.workbench.cli;

import java.io.PrintStream;
import org.teracon.workbench.experiment.RunFolder;
import org.teracon.workbench.experiment.RunResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Prints a run's accuracy matrix and transfer table as plain text (Tablesaw's printer), with "–"
 * where a value is undefined (T1's FWT, a task not yet learned); the CSVs keep those cells empty.
 */
final class Tables {
    private Tables() {
    }

    static void print(PrintStream out, RunResult r) {
        if (r.matrix() == null) return;
        out.println(forPrinting(RunFolder.matrixTable(r.matrix())).printAll());
        out.println(forPrinting(RunFolder.transferTable(r.transfer(), r.matrix().protocol())).printAll());
    }

    static Table forPrinting(Table t) {
        Table shown = Table.create(t.name());
        for (Column<?> c : t.columns()) {
            if (c instanceof DoubleColumn d) {
                shown.addColumns(StringColumn.create(d.name(), d.asList().stream()
                        .map(v -> v == null || Double.isNaN(v) ? "–" : String.valueOf(v)).toList()));
            } else {
                shown.addColumns(c.copy());
            }
        }
        return shown;
    }
}
