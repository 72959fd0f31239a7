package org.teracon.workbench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a dataset writer may write: never over something it did not write. A missing or empty folder
 * is fine; a folder holding one of our datasets (a {@code dataset.json} with only CSV files beside it)
 * is replaced only when forced; a file, any other non-empty folder, or a folder that overlaps a source
 * is refused before anything is read or written.
 */
public final class DatasetOutput {

    private DatasetOutput() {
    }

    /** @throws IllegalArgumentException saying why {@code out} may not be written */
    public static void check(Path out, boolean force, List<Path> sources) {
        Path target = canonical(out);
        for (Path source : sources) {
            Path src = canonical(source);
            if (target.startsWith(src) || src.startsWith(target)) {
                throw new IllegalArgumentException("the output folder " + out + " overlaps the source " + source
                        + ": choose an output outside it (nothing was written)");
            }
        }
        if (!Files.exists(out)) return;
        if (!Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + " is a file, not a folder: choose another --out (nothing was written)");
        }
        List<Path> entries;
        try (var list = Files.list(out)) {
            entries = list.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + out, e);
        }
        if (entries.isEmpty()) return;
        if (!isOurs(out)) {
            throw new IllegalArgumentException(out + " is not empty and is not a dataset folder this tool wrote: "
                    + "choose an empty or new folder (nothing was written or deleted)");
        }
        if (!force) {
            throw new IllegalArgumentException(out + " already holds a dataset: add --force to replace it (nothing was written)");
        }
    }

    /** A folder holding only a dataset manifest and its CSV files: one this tool wrote. */
    public static boolean isOurs(Path out) {
        if (!Files.isDirectory(out) || !Files.isRegularFile(out.resolve(DatasetFolder.MANIFEST))) return false;
        try (var list = Files.list(out)) {
            return list.allMatch(p -> Files.isRegularFile(p)
                    && (p.getFileName().toString().equals(DatasetFolder.MANIFEST) || p.getFileName().toString().endsWith(".csv")));
        } catch (IOException e) {
            return false;
        }
    }

    /** The real path of the deepest existing ancestor plus the rest, so links and ".." cannot hide an overlap. */
    static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
