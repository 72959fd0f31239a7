package org.teracon.workbench.cli;

import java.io.PrintStream;
import org.teracon.workbench.experiment.RunFolder;
import org.teracon.workbench.experiment.RunResult;

/** Prints a run's accuracy matrix and transfer table as plain text (Tablesaw's printer). */
final class Tables {
    private Tables() {
    }

    static void print(PrintStream out, RunResult r) {
        if (r.matrix() == null) return;
        out.println(RunFolder.matrixTable(r.matrix()).printAll());
        out.println(RunFolder.transferTable(r.transfer(), r.matrix().protocol()).printAll());
    }
}
