package org.teracon.workbench.experiment;

import java.nio.file.Path;

/**
 * How a run folder writes its files: atomically by default; tests put a layer in between that fails
 * like a full disk to check what a failed write leaves behind.
 */
@FunctionalInterface
public interface FileLayer {
    /** Replaces {@code target} with {@code content} as one unit, or throws an UncheckedIOException naming the cause. */
    void writeString(Path target, String content);

    FileLayer ATOMIC = AtomicFiles::writeString;
}
