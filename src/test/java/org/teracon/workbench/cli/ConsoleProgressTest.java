package org.teracon.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.experiment.RunEvent;

/** The console's lines for the FWT reference run that trains after a run's own stages. */
class ConsoleProgressTest {

    @Test
    void theReferenceRunIsAnnouncedOnceAndItsLinesAreIndentedUnderIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress console = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "");
        console.onEvent(new RunEvent.ReferenceProgress("/runs/.sinmo-reference/ab12", new RunEvent.TaskStarted(0, "next_item", 2)));
        console.onEvent(new RunEvent.ReferenceProgress("/runs/.sinmo-reference/ab12",
                new RunEvent.EpochFinished(0, 1, Map.of("total", 1.5), 0.25, true, 2.0)));
        console.onEvent(new RunEvent.ReferenceProgress("/runs/.sinmo-reference/ab12", new RunEvent.TaskStarted(1, "gender", 2)));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(4, lines.length, String.join("\n", lines));
        assertEquals("FWT needs each task's single-task score: training the SinMo reference in /runs/.sinmo-reference/ab12 "
                + "(kept for every run of this setting)", lines[0]);
        assertEquals("  sinmo | [1/2] next_item", lines[1]);
        assertEquals("  sinmo |   epoch 1  loss total=1.5000  val 0.2500 *  2.0s  |   0% ETA<=?", lines[2]);
        assertEquals("  sinmo | [2/2] gender", lines[3]);
    }
}
