package org.teracon.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The relaunch with OMP_NUM_THREADS=1 must find Main also under spark-submit, whose class path lacks the app jar. */
class MainClassPathTest {

    @Test
    void theRelaunchClassPathAddsMainsOwnJarWhenTheClassPathLacksIt() throws Exception {
        String saved = System.getProperty("java.class.path");
        String self = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        try {
            System.setProperty("java.class.path", "/opt/spark/jars/a.jar");
            assertEquals("/opt/spark/jars/a.jar" + File.pathSeparator + self, Main.classPath());
            System.setProperty("java.class.path", saved);
            assertEquals(saved, Main.classPath(), "already on the class path: unchanged");
            assertTrue(saved.contains(self));
        } finally {
            System.setProperty("java.class.path", saved);
        }
    }
}
