package org.teracon.workbench.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run may do to its output folder before it writes anything: a new or empty folder is used as
 * is; a folder holding another run is refused unless forced, and then only that run's own files
 * ({@link #RUN_FILES}) are deleted, nothing else; a non-empty folder that holds no run is refused
 * unless forced, and then the run writes beside what is there, deleting nothing.
 */
public final class OutputGuard {
    /** The files a run writes; the only ones a forced run removes. */
    public static final List<String> RUN_FILES = List.of(RunFolder.EXPERIMENT, RunFolder.LOSS, RunFolder.MATRIX,
            RunFolder.TRANSFER, RunFolder.MASKS, RunFolder.RESULTS);

    private OutputGuard() {
    }

    /** @throws IllegalArgumentException when {@code dir} may not take this run */
    public static void prepareRunFolder(Path dir, boolean force) {
        if (!Files.exists(dir)) return;
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is a file, not a run folder: choose another --out (nothing was written)");
        }
        List<Path> entries;
        try (var list = Files.list(dir)) {
            entries = list.filter(p -> !p.getFileName().toString().equals(RunLock.FILE)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (entries.isEmpty()) return;
        boolean holdsRun = entries.stream().anyMatch(p -> RUN_FILES.contains(p.getFileName().toString()));
        if (!force) {
            throw new IllegalArgumentException(holdsRun
                    ? dir + " already holds a run (" + describe(dir) + "): add --force to replace it or choose another --out (nothing was written)"
                    : dir + " is not empty and holds no run: choose an empty or new --out, or add --force to write beside its files (nothing was written)");
        }
        for (String f : RUN_FILES) {
            try {
                Files.deleteIfExists(dir.resolve(f));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the old run's " + f + " in " + dir + ": " + AtomicFiles.describe(e), e);
            }
        }
    }

    private static String describe(Path dir) {
        Path results = dir.resolve(RunFolder.RESULTS);
        if (!Files.isRegularFile(results)) return "its experiment.json";
        try {
            var node = Json.MAPPER.readTree(results.toFile());
            return "results.json: " + node.path("status").asText("?") + ", " + node.path("message").asText("");
        } catch (IOException | RuntimeException e) {
            return "an unreadable results.json";
        }
    }
}
