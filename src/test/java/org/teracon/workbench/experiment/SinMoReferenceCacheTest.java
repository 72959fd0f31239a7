package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.data.Task;
import org.teracon.workbench.safety.RunSafetyTest;

/** A corrupt FWT reference cache is discarded, said so, and rebuilt instead of failing every later run. */
class SinMoReferenceCacheTest {

    @Test
    void aTruncatedCacheIsRebuilt(@TempDir Path tmp) throws Exception {
        Path results = tmp.resolve("x/results.json");
        Files.createDirectories(results.getParent());
        Files.writeString(results, "{\"runId\" : \"a\", \"status\" : \"COMPL");
        assertNull(SinMoReference.cached(results, 3));
        assertFalse(Files.exists(results), "the corrupt file is discarded");

        ExperimentConfig c = RunSafetyTest.tiny("sinmoall");
        Dataset ds = DatasetLoader.load(RunSafetyTest.SAMPLE);
        List<Task> tasks = TaskOrder.resolve(ds, c);
        SinMoReference ref = new SinMoReference(tmp.resolve("cache"));
        double[] first = ref.scores(c, ds, tasks, e -> { }, new CancellationToken());
        Path cached;
        try (var walk = Files.walk(tmp.resolve("cache"))) {
            cached = walk.filter(p -> p.getFileName().toString().equals(RunFolder.RESULTS)).findFirst().orElseThrow();
        }
        Files.writeString(cached, Files.readString(cached).substring(0, 200)); // "Unexpected end-of-input"
        double[] rebuilt = ref.scores(c, ds, tasks, e -> { }, new CancellationToken());
        assertArrayEquals(first, rebuilt, 1e-9);
    }

    @Test
    void aReferenceTrainedNowReportsEveryEventOfItsRunAndACachedOneNone(@TempDir Path tmp) {
        ExperimentConfig c = RunSafetyTest.tiny("sinmoall");
        Dataset ds = DatasetLoader.load(RunSafetyTest.SAMPLE);
        List<Task> tasks = TaskOrder.resolve(ds, c);
        SinMoReference ref = new SinMoReference(tmp.resolve("cache"));
        List<RunEvent> events = new java.util.ArrayList<>();
        ref.scores(c, ds, tasks, events::add, new CancellationToken());
        assertFalse(events.isEmpty());
        assertTrue(events.stream().allMatch(e -> e instanceof RunEvent.ReferenceProgress), "every event is marked as the reference's");
        List<RunEvent> inner = events.stream().map(e -> ((RunEvent.ReferenceProgress) e).event()).toList();
        assertEquals("sinmo", ((RunEvent.RunStarted) inner.get(0)).config().method());
        assertEquals(tasks.size(), inner.stream().filter(e -> e instanceof RunEvent.TaskStarted).count());
        assertEquals(RunStatus.COMPLETED, ((RunEvent.RunEnded) inner.get(inner.size() - 1)).status());
        String folder = ((RunEvent.ReferenceProgress) events.get(0)).folder();
        assertTrue(Files.exists(Path.of(folder).resolve(RunFolder.RESULTS)), "the folder named is where the reference is kept: " + folder);

        List<RunEvent> again = new java.util.ArrayList<>();
        ref.scores(c, ds, tasks, again::add, new CancellationToken());
        assertTrue(again.isEmpty(), "a cached reference trains nothing: " + again);
    }
}
