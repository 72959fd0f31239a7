package org.teracon.workbench.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dataset folder's files, broadcast to the executors. Why a broadcast of the raw files and not a path
 * all workers see: a cluster then needs no shared file system, Spark's torrent broadcast sends it to each
 * executor once (not once per task), and the executor loads it with the same DatasetLoader as the local
 * path, so both train on identical data. Each executor JVM unpacks it once into a temporary folder.
 */
record ShippedDataset(String name, TreeMap<String, byte[]> files) implements Serializable {
    /** Broadcast id → the executor's unpacked copy. */
    private static final Map<Long, Path> UNPACKED = new ConcurrentHashMap<>();

    static ShippedDataset of(Path folder) {
        TreeMap<String, byte[]> files = FolderBytes.read(folder, rel -> !rel.startsWith("."));
        if (files.isEmpty()) throw new IllegalArgumentException("dataset folder " + folder + " holds no files to ship to Spark");
        return new ShippedDataset(folder.getFileName().toString(), files);
    }

    /** This executor's copy of the broadcast {@code id}, unpacked on first use. */
    Path unpacked(long id) {
        return UNPACKED.computeIfAbsent(id, k -> {
            try {
                Path dir = Files.createTempDirectory("teracon-dataset-" + id + "-").resolve(name);
                FolderBytes.writePlain(dir, files);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> FolderBytes.deleteTree(dir.getParent())));
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack the shipped dataset " + name + ": " + e.getMessage(), e);
            }
        });
    }

    long bytes() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }
}
