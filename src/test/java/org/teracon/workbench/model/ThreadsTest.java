package org.teracon.workbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

class ThreadsTest {

    /** The build runs its tests as Main runs the app (pom.xml's argLine): a missing flag would time another engine. */
    @Test
    void javacppsResidentSizeCheckIsOffInTheseTests() {
        assertEquals(0, Pointer.maxPhysicalBytes());
    }

    @Test
    void theCheckIsTurnedOffOnlyWhereTheUserSetNoLimit() {
        String before = System.getProperty(Threads.MAX_PHYSICAL_BYTES);
        try {
            System.setProperty(Threads.MAX_PHYSICAL_BYTES, "8g");
            assertFalse(Threads.skipPhysicalMemoryCheck());
            assertEquals("8g", System.getProperty(Threads.MAX_PHYSICAL_BYTES));
            System.clearProperty(Threads.MAX_PHYSICAL_BYTES);
            assertTrue(Threads.skipPhysicalMemoryCheck());
            assertEquals("0", System.getProperty(Threads.MAX_PHYSICAL_BYTES));
        } finally {
            if (before == null) System.clearProperty(Threads.MAX_PHYSICAL_BYTES);
            else System.setProperty(Threads.MAX_PHYSICAL_BYTES, before);
        }
    }
}
