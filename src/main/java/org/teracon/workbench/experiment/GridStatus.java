package org.teracon.workbench.experiment;

import java.util.List;

/**
 * A grid's state as its executor sees it: runs done, running, queued and failed, and each run's own
 * line (where it runs, its attempt, why it failed). Spark's executor sends one on every task event;
 * {@code changed} is the run that event was about.
 *
 * @param running runs training on an executor now (at most the executors' cores)
 * @param writing runs whose task has ended and whose folder the driver is receiving and writing: they
 *                no longer hold a core, and Spark has already started the next run there
 * @param queued  runs waiting for a core, a failed attempt's retry included
 */
public record GridStatus(int done, int running, int writing, int queued, int failed, List<RunState> runs, RunState changed) {

    /** WRITING: the task ended on its executor; the driver receives and writes the run's folder. */
    public enum State { QUEUED, RUNNING, WRITING, DONE, FAILED, RETRYING }

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

    /** The counts of {@code runs}, each run in one of them. */
    public static GridStatus of(List<RunState> runs, RunState changed) {
        int[] n = new int[State.values().length];
        for (RunState r : runs) n[r.state().ordinal()]++;
        // a failed attempt waits for its retry like a queued run: it holds no core
        return new GridStatus(n[State.DONE.ordinal()], n[State.RUNNING.ordinal()], n[State.WRITING.ordinal()],
                n[State.QUEUED.ordinal()] + n[State.RETRYING.ordinal()], n[State.FAILED.ordinal()], runs, changed);
    }

    public String counts() {
        return done + " done, " + running + " running, " + (writing > 0 ? writing + " writing, " : "") + queued + " queued"
                + (failed > 0 ? ", " + failed + " failed" : "");
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
