package org.teracon.workbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * ND4J 1.0.0-M2.1 prints "Added differentiated op ..." to System.out, one line per op, whenever it
 * builds a gradient function — not through its logger, so no log level silences it. The CLI's
 * stdout drops exactly those lines and passes everything else through unchanged.
 */
final class OpLogFilter extends OutputStream {
    private static final String NOISE = "Added differentiated op ";
    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private OpLogFilter(OutputStream target) {
        this.target = target;
    }

    static void install() {
        System.setOut(new PrintStream(new OpLogFilter(System.out), true, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
        line.write(b);
        if (b == '\n') {
            String text = line.toString(StandardCharsets.UTF_8);
            if (!text.startsWith(NOISE)) target.write(line.toByteArray());
            line.reset();
        }
    }

    @Override
    public synchronized void flush() throws java.io.IOException {
        target.flush();
    }
}
