package org.teracon.workbench.experiment;

/**
 * Turns between runs that share one process, one training step at a time: exactly one party runs while
 * the others wait, each hands the turn to the next party still running after every step, and a party
 * that has ended leaves the rotation. Step time ratios between methods then compare steps taken one
 * right after the other instead of runs taken a minute or more apart, which on a shared machine differ
 * by ±20 % (issue #8).
 */
final class StepTurns {
    private final boolean[] running;
    private int turn;

    StepTurns(int parties) {
        if (parties < 1) throw new IllegalArgumentException("turns need at least one party, got " + parties);
        running = new boolean[parties];
        java.util.Arrays.fill(running, true);
    }

    /** Blocks until it is {@code party}'s turn. */
    synchronized void await(int party) {
        while (turn != party) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for its turn", e);
            }
        }
    }

    /** Ends {@code party}'s turn: the next party still running gets it (the same party when it runs alone). */
    synchronized void handOver(int party) {
        turn = next(party);
        notifyAll();
    }

    /** {@code party} has ended: it leaves the rotation, handing over its turn if it holds it. */
    synchronized void leave(int party) {
        running[party] = false;
        if (turn == party) turn = next(party);
        notifyAll();
    }

    /** Whose turn it is now: what a test reads. */
    synchronized int turn() {
        return turn;
    }

    private int next(int party) {
        for (int i = 1; i <= running.length; i++) {
            int candidate = (party + i) % running.length;
            if (running[candidate]) return candidate;
        }
        return party; // nobody is left running
    }
}
