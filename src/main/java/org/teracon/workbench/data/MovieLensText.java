package org.teracon.workbench.data;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The small text rules of MovieLens files: byte-order marks, ids that must fit, UTF-8 or Latin-1, truncated ends. */
final class MovieLensText {
    private MovieLensText() {
    }

    /** A UTF-8 byte-order mark at the start of a line, as Latin-1 or as UTF-8 decodes it. */
    static String stripBom(String line) {
        if (line.startsWith("\uFEFF")) return line.substring(1);
        if (line.startsWith("\u00EF\u00BB\u00BF")) return line.substring(3);
        return line;
    }

    /** A positive id that fits an int, or a message that says which. */
    static int id(Path file, int line, String what, String field) {
        String t = field.strip();
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            if (t.matches("-?\\d+")) {
                throw new DatasetFormatException(file, line, "a " + what + " id between 1 and " + Integer.MAX_VALUE + " (found " + t + ")");
            }
            throw e;
        }
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new DatasetFormatException(file, line, "a " + what + " id between 1 and " + Integer.MAX_VALUE + " (found " + t + ")");
        }
        return (int) v;
    }

    /** UTF-8 when the whole (small) file decodes as UTF-8, else Latin-1 (GroupLens's older files). */
    static Charset charsetOf(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return StandardCharsets.ISO_8859_1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static boolean endsWithLineBreak(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            if (f.length() == 0) return true;
            f.seek(f.length() - 1);
            int last = f.read();
            return last == '\n' || last == '\r';
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
