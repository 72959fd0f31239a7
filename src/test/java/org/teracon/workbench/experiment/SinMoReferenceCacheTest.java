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
        double[] first = ref.scores(c, ds, tasks, new CancellationToken());
        Path cached;
        try (var walk = Files.walk(tmp.resolve("cache"))) {
            cached = walk.filter(p -> p.getFileName().toString().equals(RunFolder.RESULTS)).findFirst().orElseThrow();
        }
        Files.writeString(cached, Files.readString(cached).substring(0, 200)); // "Unexpected end-of-input"
        double[] rebuilt = ref.scores(c, ds, tasks, new CancellationToken());
        assertArrayEquals(first, rebuilt, 1e-9);
    }
}
