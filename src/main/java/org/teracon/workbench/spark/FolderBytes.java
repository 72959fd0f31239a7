package org.teracon.workbench.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.teracon.workbench.experiment.AtomicFiles;
import org.teracon.workbench.experiment.RunFolder;

/** A folder's regular files as relative path → bytes: how datasets and run folders travel between JVMs. */
final class FolderBytes {
    private FolderBytes() {
    }

    /** Every regular file under {@code root} that {@code keep} accepts, by '/'-separated relative path. */
    static TreeMap<String, byte[]> read(Path root, Predicate<String> keep) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(root)) return files;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (keep.test(rel)) files.put(rel, Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** Plain writes, for private folders nobody else reads (an executor's attempt folder). */
    static void writePlain(Path root, Map<String, byte[]> files) {
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path target = resolve(root, f.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Each file written atomically (AtomicFiles), results.json last: a reader sees the old run or the
     * new one, and a results.json always names files that are already complete, as the local runner writes them.
     */
    static void publish(Path root, Map<String, byte[]> files) {
        files.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, byte[]> f) -> f.getKey().endsWith(RunFolder.RESULTS)).thenComparing(Map.Entry::getKey))
                .forEach(f -> AtomicFiles.write(resolve(root, f.getKey()), tmp -> Files.write(tmp, f.getValue())));
    }

    /** A shipped path stays inside {@code root} (no "..", no absolute path). */
    private static Path resolve(Path root, String rel) {
        Path target = root.resolve(rel).normalize();
        if (!target.startsWith(root.normalize())) throw new IllegalArgumentException("a shipped file leaves its folder: " + rel);
        return target;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary folder: what could not be removed the OS's temp cleaner removes later
        }
    }
}
