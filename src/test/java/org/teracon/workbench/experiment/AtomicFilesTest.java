package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void replacesWholeFilesLeavesNoTemporaryAndSharesThemLikeOrdinaryFiles(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("sub/results.json");
        AtomicFiles.writeString(f, "first");
        AtomicFiles.writeString(f, "second");
        assertEquals("second", Files.readString(f));
        try (var files = Files.list(f.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertTrue(Files.getPosixFilePermissions(f).contains(PosixFilePermission.OTHERS_READ));
    }

    @Test
    void aFailingWriterKeepsThePreviousVersion(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("accuracy_matrix.csv");
        AtomicFiles.writeString(f, "complete");
        assertThrows(java.io.UncheckedIOException.class, () -> AtomicFiles.write(f, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("complete", Files.readString(f));
    }
}
