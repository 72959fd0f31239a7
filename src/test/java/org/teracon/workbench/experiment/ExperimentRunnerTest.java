package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.model.BackboneConfig;

class ExperimentRunnerTest {

    static ExperimentConfig tiny(String method) {
        return ExperimentConfig.defaults("sample-datasets/synthetic").withMethod(method)
                .withBackbone(new BackboneConfig(16, 3, List.of(1, 2)))
                .withTraining(new TrainingConfig(3, 3, 2, 32, 32, 3e-3, 3e-3, 256))
                .withTaskOrder(List.of("next_item", "taste_group", "side_group"));
    }

    @Test
    void sinMoAllRunsEndToEndAndWritesTheRunFolder(@TempDir Path dir) throws Exception {
        List<RunEvent> events = new ArrayList<>();
        long t0 = System.nanoTime();
        RunResult r = new ExperimentRunner().run(tiny("sinmoall"), dir.resolve("run"), events::add, new CancellationToken());
        System.out.println("sinmoall tiny run seconds " + (System.nanoTime() - t0) / 1e9);
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        for (String f : List.of("experiment.json", "loss.csv", "accuracy_matrix.csv", "transfer.csv", "results.json")) {
            assertTrue(Files.exists(dir.resolve("run").resolve(f)), f);
        }
        System.out.println(Files.readString(dir.resolve("run/accuracy_matrix.csv")));
        assertFalse(Double.isNaN(r.matrix().get(2, 0)));
        assertTrue(events.get(0) instanceof RunEvent.RunStarted);
        assertTrue(events.get(events.size() - 1) instanceof RunEvent.RunEnded);
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.BatchProgress));
    }

    @Test
    void teraconRunsEndToEndWithMasksAndRates(@TempDir Path dir) throws Exception {
        List<RunEvent> events = new ArrayList<>();
        long t0 = System.nanoTime();
        RunResult r = new ExperimentRunner().run(tiny("teracon"), dir.resolve("run"), events::add, new CancellationToken());
        System.out.println("teracon tiny run seconds " + (System.nanoTime() - t0) / 1e9);
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        System.out.println(Files.readString(dir.resolve("run/accuracy_matrix.csv")));
        System.out.println(Files.readString(dir.resolve("run/mask_similarity.csv")).lines().filter(l -> l.startsWith("mean")).toList());
        System.out.println(r.samplingRates());
        assertTrue(Files.exists(dir.resolve("run/mask_similarity.csv")));
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.MaskSnapshot));
    }
}
