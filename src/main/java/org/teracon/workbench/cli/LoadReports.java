package org.teracon.workbench.cli;

import java.io.PrintStream;
import org.teracon.workbench.data.Dataset;

/** The load report the console prints before a run: what was counted, skipped or remapped while reading. */
final class LoadReports {
    private LoadReports() {
    }

    static void print(PrintStream out, Dataset ds) {
        out.printf("dataset %s: %d users, %d items, tasks %s%n", ds.name(), ds.numUsers(), ds.vocabularySize() - 1,
                ds.tasks().stream().map(t -> t.name() + "(" + t.numInstances() + ")").toList());
        ds.report().counts().forEach((key, n) -> out.printf("  %-60s %d%n", key, n));
        ds.report().warnings().forEach(w -> out.println("  warning: " + w));
    }
}
