package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.model.BackboneConfig;

class RunLifecycleTest {
    static final Dataset SAMPLE = DatasetLoader.load(Path.of("sample-datasets/synthetic"));

    static ExperimentConfig tiny(String method) {
        return ExperimentConfig.defaults("sample-datasets/synthetic").withMethod(method)
                .withBackbone(new BackboneConfig(8, 3, List.of(1)))
                .withTraining(new TrainingConfig(2, 2, 2, 32, 32, 3e-3, 3e-3, 256))
                .withTaskOrder(List.of("next_item", "taste_group", "side_group"));
    }

    @Test
    void sameConfigAndSeedGiveTheSameNumbers(@TempDir Path dir) {
        RunResult a = new ExperimentRunner().run(tiny("teracon"), SAMPLE, dir.resolve("a"), e -> { }, new CancellationToken());
        RunResult b = new ExperimentRunner().run(tiny("teracon"), SAMPLE, dir.resolve("b"), e -> { }, new CancellationToken());
        assertEquals(RunStatus.COMPLETED, a.status(), a.message());
        for (int i = 0; i < 3; i++) assertArrayEquals(a.matrix().values()[i], b.matrix().values()[i], 0.0);
        RunResult c = new ExperimentRunner().run(tiny("teracon").withSeed(7), SAMPLE, dir.resolve("c"), e -> { }, new CancellationToken());
        assertNotEquals(a.matrix().get(2, 0), c.matrix().get(2, 0), "another seed gives other numbers");
    }

    @Test
    void cancelStopsWithinOneBatchAndKeepsTheFinishedStagesFiles(@TempDir Path dir) throws Exception {
        CancellationToken cancel = new CancellationToken();
        AtomicInteger batchesAfterCancel = new AtomicInteger();
        RunResult r = new ExperimentRunner().run(tiny("sinmoall"), SAMPLE, dir, e -> {
            if (e instanceof RunEvent.BatchProgress bp) {
                if (cancel.isCancelled()) batchesAfterCancel.incrementAndGet();
                if (bp.stage() == 1 && bp.batch() == 2) cancel.cancel();
            }
        }, cancel);
        assertEquals(RunStatus.CANCELLED, r.status());
        assertEquals(0, batchesAfterCancel.get(), "no batch may start after the cancel");
        String matrix = Files.readString(dir.resolve(RunFolder.MATRIX));
        assertTrue(matrix.contains("next_item"), "stage 1's accuracy matrix survives");
        RunResult stored = Json.read(dir.resolve(RunFolder.RESULTS), RunResult.class);
        assertEquals(RunStatus.CANCELLED, stored.status());
        assertFalse(Double.isNaN(stored.matrix().get(0, 0)));
        assertEquals(2, stored.epochs().stream().filter(e -> e.stage() == 0).count(), "T1's two epochs are in results.json");
        assertTrue(stored.epochs().get(0).meanLosses().containsKey("total"));
    }

    @Test
    void aFailureIsRecordedAndEarlierFilesStayIntact(@TempDir Path dir) throws Exception {
        SingleTaskReference broken = (c, d, t, l, k) -> {
            throw new IllegalStateException("reference store unreadable");
        };
        RunResult r = new ExperimentRunner(broken).run(tiny("sinmoall"), SAMPLE, dir, e -> { }, new CancellationToken());
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.message().contains("reference store unreadable"), r.message());
        RunResult stored = Json.read(dir.resolve(RunFolder.RESULTS), RunResult.class);
        assertEquals(RunStatus.FAILED, stored.status());
        assertEquals(3, Files.readAllLines(dir.resolve(RunFolder.MATRIX)).size() - 1, "matrix of all three stages kept");
    }

    @Test
    void badConfigValuesAreRefusedWithTheirName() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(1, 1, 1, 0, 32, 1e-3, 1e-3, 64));
        assertTrue(e.getMessage().contains("batchSizeFirst"));
        var order = tiny("sinmo").withTaskOrder(List.of("taste_group", "next_item"));
        var e2 = assertThrows(IllegalArgumentException.class, () -> TaskOrder.resolve(SAMPLE, order));
        assertTrue(e2.getMessage().contains("must start with the next-item task"));
        var e3 = assertThrows(IllegalArgumentException.class, () -> new NoisyTaskSpec(1, 0.5, 50));
        assertTrue(e3.getMessage().contains("T1 stays first"));
    }

    @Test
    void noisyTaskIsInsertedAtItsPosition() {
        var tasks = TaskOrder.resolve(SAMPLE, tiny("sinmo").withNoisyTask(new NoisyTaskSpec(2, 0.5, 50)));
        assertEquals(List.of("next_item", NoisyTaskSpec.TASK_NAME, "taste_group", "side_group"), tasks.stream().map(t -> t.name()).toList());
        assertTrue(tasks.get(1).noisy());
        assertEquals(300, tasks.get(1).numInstances(), "half of the 600 users");
    }
}
