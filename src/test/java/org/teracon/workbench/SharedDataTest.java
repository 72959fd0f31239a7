package org.teracon.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SharedDataTest {

    @Test
    void missingDataFailsInCiAndSkipsElsewhere(@TempDir Path dir) {
        Path missing = dir.resolve("datasets/none");
        var failed = assertThrows(AssertionFailedError.class, () -> SharedData.require(missing, "u.data", Map.of("CI", "true")));
        assertTrue(failed.getMessage().contains(missing.resolve("u.data").toString()), failed.getMessage());
        var skipped = assertThrows(TestAbortedException.class, () -> SharedData.require(missing, "u.data", Map.of()));
        assertTrue(skipped.getMessage().contains(missing.resolve("u.data").toString()), skipped.getMessage());
        assertThrows(TestAbortedException.class, () -> SharedData.require(missing, "u.data", Map.of("CI", "false")));
    }

    @Test
    void presentDataIsReturnedInCiToo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("u.data"), "1\t2\t3\t4\n");
        assertEquals(dir, SharedData.require(dir, "u.data", Map.of("CI", "true")));
    }

    @Test
    void sharedSitsBesideTheProjectRoot() {
        assertTrue(Files.isRegularFile(SharedData.projectRoot().resolve("pom.xml")), "project root " + SharedData.projectRoot());
        assertEquals(SharedData.projectRoot().getParent().resolve("shared"), SharedData.root());
    }
}
