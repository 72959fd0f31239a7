package org.teracon.workbench.cli;

import java.io.UncheckedIOException;
import org.teracon.workbench.data.DatasetFormatException;
import org.teracon.workbench.experiment.RunStatus;
import picocli.CommandLine;

/**
 * The one exit-code scheme of every command: 0 done, 1 a run failed (or diverged), 2 bad input or
 * usage (nothing was trained or written), 130 cancelled (Ctrl+C; a SIGTERM ends the JVM with 143).
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int RUN_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }

    public static int of(RunStatus status) {
        return switch (status) {
            case COMPLETED -> OK;
            case CANCELLED -> CANCELLED;
            default -> RUN_FAILED;
        };
    }

    /** Bad input (a value out of range, a malformed file, an output that would destroy something) says what, never a stack trace. */
    static int handle(Exception ex, CommandLine cmd) {
        Throwable t = ex;
        String message = t.getMessage();
        if (t instanceof UncheckedIOException u && u.getCause() != null && u.getCause().getMessage() != null
                && (message == null || !message.contains(u.getCause().getMessage()))) {
            message = message + ": " + u.getCause().getMessage();
        }
        if (message == null || message.isBlank()) message = t.getClass().getSimpleName();
        cmd.getErr().println("error: " + message);
        cmd.getErr().flush();
        return t instanceof DatasetFormatException || t instanceof IllegalArgumentException
                || t instanceof UncheckedIOException || t instanceof IllegalStateException ? BAD_INPUT : RUN_FAILED;
    }
}
