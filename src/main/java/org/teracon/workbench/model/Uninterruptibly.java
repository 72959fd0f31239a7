package org.teracon.workbench.model;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waiting for work another thread does into arrays the caller owns (the GEMM worker lane, TERACON's
 * teacher): the wait goes on through an interrupt (a cancelled run), since the caller's workspace must
 * not be closed and reused under the other thread; the interrupt is kept for the caller to see.
 */
public final class Uninterruptibly {
    private Uninterruptibly() {
    }

    /** The future's value; a failure's own runtime exception or error, else an IllegalStateException naming {@code what}. */
    public static <T> T await(Future<T> f, String what) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) throw r;
                    if (cause instanceof Error err) throw err;
                    throw new IllegalStateException(what + " failed: " + cause, cause);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
