package org.teracon.workbench.ui.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.teracon.workbench.experiment.RunEvent;
import org.teracon.workbench.experiment.RunListener;

/**
 * The one place where engine events cross from the training thread to the FX thread. Events are
 * queued and drained in batches by a single pending {@code runLater}, so a fast training loop that
 * fires thousands of batch events cannot flood the FX event queue and freeze the window.
 */
public final class FxEventBridge implements RunListener {
    private final ConcurrentLinkedQueue<RunEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Consumer<List<RunEvent>> fxConsumer;

    /** @param fxConsumer receives events in order, always on the FX thread */
    public FxEventBridge(Consumer<List<RunEvent>> fxConsumer) {
        this.fxConsumer = Objects.requireNonNull(fxConsumer);
    }

    @Override
    public void onEvent(RunEvent event) {
        queue.add(event);
        if (drainScheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        // Clear the flag first: an event queued while we drain schedules another pass instead of being lost.
        drainScheduled.set(false);
        List<RunEvent> batch = new ArrayList<>();
        for (RunEvent e; (e = queue.poll()) != null; ) batch.add(e);
        if (!batch.isEmpty()) fxConsumer.accept(batch);
    }

    /** Runs {@code action} on the FX thread; used for results of background work outside a Task. */
    public static void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) action.run();
        else Platform.runLater(action);
    }
}
