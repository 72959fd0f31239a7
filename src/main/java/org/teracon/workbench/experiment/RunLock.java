package org.teracon.workbench.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on a run folder for the whole run, so two runs never write into one folder.
 * The lock dies with its process (also after kill -9), so a stale lock file never blocks the next run.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = ".run.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException when another run (in this or another process) holds the folder */
    public static RunLock acquire(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                throw new IllegalStateException("another run is writing into " + dir + " (it holds " + FILE
                        + "): wait for it to end or choose another --out");
            }
            return new RunLock(ch, l);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the run folder " + dir + ": " + AtomicFiles.describe(e), e);
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS drops the lock with the channel or the process anyway
        }
    }
}
