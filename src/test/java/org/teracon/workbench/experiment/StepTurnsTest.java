package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.safety.RunSafetyTest;

/** Runs that take turns step by step: strict alternation, a party that ends leaves, and nothing about a run changes. */
class StepTurnsTest {

    @Test
    void partiesAlternateAndOneThatEndsLeavesTheRotation() throws Exception {
        StepTurns turns = new StepTurns(2);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Thread a = party(turns, 0, 2, order); // two steps, then it ends
        Thread b = party(turns, 1, 4, order);
        b.start(); // started first: it must still wait for party 0's turn
        a.start();
        a.join(10_000);
        b.join(10_000);
        assertEquals(List.of("0", "1", "0", "1", "1", "1"), order);
    }

    @Test
    void aSinglePartyKeepsItsTurn() {
        StepTurns turns = new StepTurns(3);
        turns.handOver(0);
        assertEquals(1, turns.turn());
        turns.leave(2);
        turns.handOver(1);
        assertEquals(0, turns.turn(), "party 2 has left: the turn skips it");
        turns.leave(1);
        turns.handOver(0);
        assertEquals(0, turns.turn(), "alone, party 0 keeps the turn");
    }

    /** Whether teracon's run folder was begun (experiment.json) before sinmoall's results were last written. */
    private static boolean startsBeforeEnd(Path runs) throws java.io.IOException {
        return Files.getLastModifiedTime(runs.resolve("teracon").resolve("experiment.json"))
                .compareTo(Files.getLastModifiedTime(runs.resolve("sinmoall").resolve("results.json"))) < 0;
    }

    private static Thread party(StepTurns turns, int party, int steps, List<String> order) {
        return new Thread(() -> {
            turns.await(party);
            try {
                for (int s = 0; s < steps; s++) {
                    order.add(String.valueOf(party));
                    Thread.yield();
                    turns.handOver(party);
                    turns.await(party);
                }
            } finally {
                turns.leave(party);
            }
        });
    }

    /**
     * Interleaved, the two runs train at once (the second begins before the first ends), both methods time
     * as many steps per stage as when they run one after the other, and their results are byte for byte the
     * same: the turns change when a step runs, not what it does.
     */
    @Test
    void interleavedRunsTimeTheSameStepsAndGiveTheSameResults(@TempDir Path dir) throws Exception {
        Dataset dataset = DatasetLoader.load(RunSafetyTest.SAMPLE);
        List<String> methods = List.of("sinmoall", "teracon");
        Benchmark.Result apart = Benchmark.run(RunSafetyTest.tiny("sinmoall"), dataset, methods, dir.resolve("apart"), false, 1, 1, false);
        Benchmark.Result together = Benchmark.run(RunSafetyTest.tiny("sinmoall"), dataset, methods, dir.resolve("together"), false, 1, 1, true);
        assertEquals(apart.stages().stream().map(s -> s.method() + " T" + s.stage() + " " + s.steps()).toList(),
                together.stages().stream().map(s -> s.method() + " T" + s.stage() + " " + s.steps()).toList());
        assertEquals(false, startsBeforeEnd(dir.resolve("apart")), "apart: teracon's run starts once sinmoall's has ended");
        assertEquals(true, startsBeforeEnd(dir.resolve("together")), "together: teracon's run starts while sinmoall's trains");
        for (String method : methods) {
            for (String file : new String[] {"accuracy_matrix.csv", "loss.csv"}) {
                assertEquals(Files.readString(dir.resolve("apart").resolve(method).resolve(file)),
                        Files.readString(dir.resolve("together").resolve(method).resolve(file)), method + " " + file);
            }
        }
    }
}
