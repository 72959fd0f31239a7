package org.teracon.workbench.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.GridStatus;
import org.teracon.workbench.experiment.RunEvent;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;

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

    /** A run's verdict as it lands (Spark's runs print no epochs: their events stay on the executor). */
    @Override
    public void runFinished(String label, RunResult result) {
        out.printf("=== finished %s: %s%s%n", label, result.status(), result.status() == RunStatus.COMPLETED ? ""
                : " - " + result.message());
    }

    /** Done / running / queued over the grid and the run that changed, e.g. where Spark started it. */
    @Override
    public void gridStatus(GridStatus status) {
        out.printf("[grid %s] %s%n", status.counts(), status.changed().line());
    }

    @Override
    public void onEvent(String label, RunEvent event) {
        perRun.computeIfAbsent(label, l -> new ConsoleProgress(out, "[" + l + "] ")).onEvent(event);
    }
}
