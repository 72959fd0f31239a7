package org.teracon.workbench.experiment;

import java.util.List;

/**
 * A grid's state as its executor sees it: runs done, running, queued and failed, and each run's own
 * line (where it runs, its attempt, why it failed). Spark's executor sends one on every task event;
 * {@code changed} is the run that event was about.
 */
public record GridStatus(int done, int running, int queued, int failed, List<RunState> runs, RunState changed) {

    public enum State { QUEUED, RUNNING, DONE, FAILED, RETRYING }

    /** @param where the executor and host (Spark), or "" */
    public record RunState(String label, State state, String where, int attempt, String message) {
        public String line() {
            return label + ": " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + (where.isEmpty() ? "" : " on " + where) + (attempt > 0 ? " (attempt " + (attempt + 1) + ")" : "")
                    + (message.isEmpty() ? "" : " - " + message);
        }
    }

    public GridStatus {
        runs = List.copyOf(runs);
    }

    public String counts() {
        return done + " done, " + running + " running, " + queued + " queued" + (failed > 0 ? ", " + failed + " failed" : "");
    }

    /**
     * One line for the end of a grid: how many runs completed, and each failed run's reason, so the user
     * knows what a resume will redo.
     */
    public static String summary(java.util.Map<String, RunResult> results, int planned) {
        long completed = results.values().stream().filter(r -> r.status() == RunStatus.COMPLETED).count();
        StringBuilder b = new StringBuilder("grid: " + completed + " of " + planned + " runs completed");
        results.forEach((label, r) -> {
            if (r.status() != RunStatus.COMPLETED) b.append("; ").append(label).append(' ').append(r.status()).append(": ").append(r.message());
        });
        if (results.size() < planned) b.append("; ").append(planned - results.size()).append(" not run");
        return b.toString();
    }
}
