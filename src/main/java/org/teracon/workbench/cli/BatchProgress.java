package org.teracon.workbench.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.RunEvent;

/** Console progress of a batch of runs: one ConsoleProgress per run, prefixed with its label. */
final class BatchProgress implements BatchRunner.Listener {
    private final PrintStream out;
    private final Map<String, ConsoleProgress> perRun = new HashMap<>();

    BatchProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void runStarting(int index, int total, String label) {
        out.printf("=== run %d/%d: %s%n", index + 1, total, label);
    }

    @Override
    public void onEvent(String label, RunEvent event) {
        perRun.computeIfAbsent(label, l -> new ConsoleProgress(out, "[" + l + "] ")).onEvent(event);
    }
}
