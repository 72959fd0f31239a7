package org.teracon.workbench.spark;

import java.util.List;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.GridRun;
import org.teracon.workbench.experiment.GridStatus;
import org.teracon.workbench.experiment.GridStatus.RunState;
import org.teracon.workbench.experiment.GridStatus.State;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;

/**
 * Each run's state on the cluster (queued, running where, writing, retrying, done, failed), from Spark's
 * task events and the driver's publishing; every change goes to the grid's listener as a {@link GridStatus}.
 * Calls come from Spark's listener bus and from its result thread (publishing): each status is taken and
 * sent under one lock, so the listener hears them in the order the states changed and never an older
 * status after a newer one.
 */
final class GridProgress {
    private final List<GridRun> runs;
    private final BatchRunner.Listener listener;
    private final RunState[] states;

    GridProgress(List<GridRun> runs, BatchRunner.Listener listener) {
        this.runs = runs;
        this.listener = listener;
        this.states = new RunState[runs.size()];
        for (int i = 0; i < states.length; i++) states[i] = new RunState(runs.get(i).label(), State.QUEUED, "", 0, "");
    }

    void started(int index, String where, int attempt) {
        boolean first;
        synchronized (this) {
            if (final_(index)) return;
            first = states[index].state() == State.QUEUED;
            set(index, State.RUNNING, where, attempt, "");
        }
        if (first) listener.runStarting(index, runs.size(), runs.get(index).label());
        send(index);
    }

    /**
     * The run's task ended on its executor with a result: it no longer holds a core (Spark has already
     * offered that core to the next task) while the driver fetches and writes its folder.
     */
    void taskEnded(int index, String where, int attempt) {
        synchronized (this) {
            if (final_(index) || states[index].state() != State.RUNNING || states[index].attempt() != attempt) return;
            set(index, State.WRITING, where, attempt, "");
            send(index);
        }
    }

    /** An attempt ended without a result: Spark retries it (or gives up, which {@link #finished} then says). */
    void attemptFailed(int index, String where, int attempt, String reason) {
        synchronized (this) {
            if (final_(index)) return;
            set(index, State.RETRYING, where, attempt, reason);
            send(index);
        }
    }

    void finished(int index, RunResult result, String where, int attempt) {
        synchronized (this) {
            boolean ok = result.status() == RunStatus.COMPLETED;
            set(index, ok ? State.DONE : State.FAILED, where, attempt, ok ? "" : result.status() + ": " + result.message());
            send(index);
        }
        listener.runFinished(runs.get(index).label(), result);
    }

    private void set(int index, State state, String where, int attempt, String message) {
        states[index] = new RunState(runs.get(index).label(), state, where, attempt, message);
    }

    private boolean final_(int index) {
        return states[index].state() == State.DONE || states[index].state() == State.FAILED;
    }

    private synchronized void send(int index) {
        listener.gridStatus(GridStatus.of(List.of(states), states[index]));
    }
}
