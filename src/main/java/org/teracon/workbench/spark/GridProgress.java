package org.teracon.workbench.spark;

import java.util.ArrayList;
import java.util.List;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.GridRun;
import org.teracon.workbench.experiment.GridStatus;
import org.teracon.workbench.experiment.GridStatus.RunState;
import org.teracon.workbench.experiment.GridStatus.State;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;

/**
 * Each run's state on the cluster (queued, running where, retrying, done, failed), from Spark's task
 * events and the driver's publishing; every change goes to the grid's listener as a {@link GridStatus}.
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
            states[index] = new RunState(runs.get(index).label(), State.RUNNING, where, attempt, "");
        }
        if (first) listener.runStarting(index, runs.size(), runs.get(index).label());
        send(index);
    }

    /** An attempt ended without a result: Spark retries it (or gives up, which {@link #finished} then says). */
    void attemptFailed(int index, String where, int attempt, String reason) {
        synchronized (this) {
            if (final_(index)) return;
            states[index] = new RunState(runs.get(index).label(), State.RETRYING, where, attempt, reason);
        }
        send(index);
    }

    void finished(int index, RunResult result, String where, int attempt) {
        synchronized (this) {
            boolean ok = result.status() == RunStatus.COMPLETED;
            states[index] = new RunState(runs.get(index).label(), ok ? State.DONE : State.FAILED, where, attempt,
                    ok ? "" : result.status() + ": " + result.message());
        }
        send(index);
        listener.runFinished(runs.get(index).label(), result);
    }

    private boolean final_(int index) {
        return states[index].state() == State.DONE || states[index].state() == State.FAILED;
    }

    private void send(int index) {
        GridStatus status;
        synchronized (this) {
            int done = 0;
            int running = 0;
            int queued = 0;
            int failed = 0;
            for (RunState s : states) {
                switch (s.state()) {
                    case DONE -> done++;
                    case FAILED -> failed++;
                    case QUEUED -> queued++;
                    default -> running++;
                }
            }
            status = new GridStatus(done, running, queued, failed, new ArrayList<>(List.of(states)), states[index]);
        }
        listener.gridStatus(status);
    }
}
