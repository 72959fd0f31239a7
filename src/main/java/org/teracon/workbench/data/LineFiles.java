package org.teracon.workbench.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams a text file line by line with 1-based line numbers, so errors can name the line. */
final class LineFiles {

    @FunctionalInterface
    interface LineHandler {
        void accept(int lineNumber, String line);
    }

    private LineFiles() {
    }

    /** Calls the handler for every line; a UTF-8 byte-order mark on line 1 is removed. */
    static void forEachLine(Path file, Charset charset, LineHandler handler) {
        try (BufferedReader in = Files.newBufferedReader(file, charset)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                handler.accept(number, line);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DatasetFormatException(file, 0, "text in " + charset + " encoding (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
