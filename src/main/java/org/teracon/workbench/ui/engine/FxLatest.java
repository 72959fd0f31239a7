package org.teracon.workbench.ui.engine;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Where a value that replaces its predecessor (a grid's whole status) crosses to the FX thread: only the
 * newest is kept and one pending {@code runLater} shows it, so a burst of Spark task events from its
 * listener and result threads costs the window one update, never a queue of stale ones.
 */
public final class FxLatest<T> {
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final Consumer<T> fxConsumer;

    /** @param fxConsumer receives the newest value, always on the FX thread */
    public FxLatest(Consumer<T> fxConsumer) {
        this.fxConsumer = Objects.requireNonNull(fxConsumer);
    }

    /** From any thread. */
    public void offer(T value) {
        // only the offer that finds no value waiting schedules a drain; later ones just replace the value
        if (latest.getAndSet(Objects.requireNonNull(value)) == null) Platform.runLater(this::drain);
    }

    private void drain() {
        T v = latest.getAndSet(null);
        if (v != null) fxConsumer.accept(v);
    }
}
