package org.teracon.workbench.cli;

import java.io.PrintStream;
import java.util.List;
import org.teracon.workbench.experiment.PaperTable;
import org.teracon.workbench.experiment.PaperTables;
import org.teracon.workbench.experiment.RunResult;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Prints a run's accuracy matrix and transfer table as plain text (Tablesaw's printer), the same
 * {@link PaperTables} tables the run folder's CSVs hold, with "–" where a value is undefined (T1's FWT,
 * a task not yet learned); the CSVs keep those cells empty.
 */
final class Tables {
    private Tables() {
    }

    static void print(PrintStream out, RunResult r) {
        if (r.matrix() == null) return;
        out.println(forPrinting(PaperTables.matrix(r.matrix())).printAll());
        out.println(forPrinting(PaperTables.transfer(r.transfer(), r.matrix().protocol())).printAll());
    }

    static Table forPrinting(PaperTable t) {
        Table shown = Table.create(t.name());
        for (int l = 0; l < t.labelHeaders().size(); l++) {
            int k = l;
            shown.addColumns(StringColumn.create(t.labelHeaders().get(l), t.rows().stream().map(r -> r.labels().get(k)).toList()));
        }
        for (int c = 0; c < t.columns().size(); c++) {
            int k = c;
            List<String> cells = t.rows().stream().map(r -> r.mean(k)).map(v -> Double.isNaN(v) ? "–" : String.valueOf(v)).toList();
            shown.addColumns(StringColumn.create(t.column(c).header(), cells));
        }
        return shown;
    }
}
