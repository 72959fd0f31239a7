package org.teracon.workbench.data;

import java.nio.file.Path;

/** Bad input: names the file, the 1-based line (0 when not line-specific) and what was expected. */
public class DatasetFormatException extends RuntimeException {
    private final Path file;
    private final int line;

    public DatasetFormatException(Path file, int line, String expectation) {
        super(file + (line > 0 ? ":" + line : "") + ": " + expectation);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
