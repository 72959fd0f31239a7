package org.teracon.workbench.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.teracon.workbench.experiment.CancellationToken;

/**
 * Ctrl+C (SIGINT) and SIGTERM while a command trains: a shutdown hook cancels the run, which stops at
 * the next batch, records CANCELLED with the stage reached and prints it; the hook waits (bounded) for
 * that before the JVM ends. Closed when the command is done, so in-process callers keep no hook.
 */
final class ShutdownCancel implements AutoCloseable {
    /** How long the JVM's end waits for the run to record its status. */
    static final long WAIT_SECONDS = 30;
    final CancellationToken token = new CancellationToken();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    ShutdownCancel() {
        hook = new Thread(() -> {
            token.cancel();
            try {
                done.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel-on-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it has just been released
        }
    }
}
