package org.teracon.workbench.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.teracon.workbench.experiment.RunEvent;
import org.teracon.workbench.experiment.RunListener;

/** Console view of the event stream: a line per epoch and task, with overall progress and ETA. */
public final class ConsoleProgress implements RunListener {
    private final PrintStream out;
    private final String prefix;
    private double fraction;
    private double eta = Double.NaN;
    /** The SinMo reference run's own lines, indented below the run's; made when its first event comes. */
    private ConsoleProgress reference;

    public ConsoleProgress(PrintStream out, String prefix) {
        this.out = out;
        this.prefix = prefix;
    }

    @Override
    public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.ReferenceProgress r) {
            if (reference == null) {
                out.printf("%sFWT needs each task's single-task score: training the SinMo reference in %s (kept for every run of this setting)%n",
                        prefix, r.folder());
                reference = new ConsoleProgress(out, prefix + "  sinmo | ");
            }
            reference.onEvent(r.event());
        } else if (event instanceof RunEvent.RunStarted e) {
            out.printf("%srun %s: %s on %s, tasks %s%n", prefix, e.runId(), e.config().method(), e.backend(), e.taskNames());
        } else if (event instanceof RunEvent.TaskStarted e) {
            out.printf("%s[%d/%d] %s%n", prefix, e.stage() + 1, e.stages(), e.taskName());
        } else if (event instanceof RunEvent.BatchProgress e) {
            fraction = e.overallFraction();
            eta = e.etaSeconds();
        } else if (event instanceof RunEvent.EpochFinished e) {
            out.printf(Locale.ROOT, "%s  epoch %d  loss %s  val %.4f%s  %.1fs  | %3.0f%% ETA<=%s%n", prefix,
                    e.epoch(), format(e.meanLosses()), e.validationScore(), e.improved() ? " *" : "", e.seconds(), 100 * fraction, eta(eta));
        } else if (event instanceof RunEvent.TaskEvaluated e) {
            StringBuilder row = new StringBuilder();
            for (int j = 0; j <= e.stage(); j++) {
                row.append(String.format(Locale.ROOT, " %s=%.4f", e.matrix().tasks().get(j), e.matrix().get(e.stage(), j)));
            }
            out.printf("%s  test after %s:%s%n", prefix, e.matrix().tasks().get(e.stage()), row);
        } else if (event instanceof RunEvent.SamplingRates e) {
            if (!e.rhoByTask().isEmpty()) out.printf(Locale.ROOT, "%s  rho %s%n", prefix, format(e.rhoByTask()));
        } else if (event instanceof RunEvent.RunEnded e) {
            out.printf(Locale.ROOT, "%srun %s: %s (%.1f s)%n", prefix, e.status(), e.message(), e.result().totalSeconds());
        }
    }

    private static String format(java.util.Map<String, Double> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(k.equals(org.teracon.workbench.experiment.ExperimentRunner.SKIPPED)
                ? String.format(Locale.ROOT, "%s=%d ", k, v.longValue()) : String.format(Locale.ROOT, "%s=%.4f ", k, v)));
        return b.toString().trim();
    }

    private static String eta(double seconds) {
        if (Double.isNaN(seconds)) return "?";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60) : String.format("%dm%02ds", s / 60, s % 60);
    }
}
