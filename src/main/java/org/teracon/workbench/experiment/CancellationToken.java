package org.teracon.workbench.experiment;

import java.util.concurrent.atomic.AtomicBoolean;

/** Cooperative cancellation: training polls it once per batch. */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
