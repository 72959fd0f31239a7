package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.safety.RunSafetyTest;

/**
 * {@code --epochs-per-stage N} trains all N epochs of every stage: early stopping (patience 1 before) let one
 * method's stage stop after two epochs while the other's ran all of them, so their step times stood on
 * different numbers of steps.
 */
class BenchmarkEpochsTest {

    @Test
    void everyStageOfEveryMethodTimesAllItsEpochs(@TempDir Path dir) {
        Dataset dataset = DatasetLoader.load(RunSafetyTest.SAMPLE);
        List<String> methods = List.of("sinmoall", "teracon");
        Map<String, Long> three = steps(Benchmark.run(RunSafetyTest.tiny("sinmoall"), dataset, methods, dir.resolve("3"), false, 1, 3));
        Map<String, Long> one = steps(Benchmark.run(RunSafetyTest.tiny("sinmoall"), dataset, methods, dir.resolve("1"), false, 1, 1));
        assertEquals(6, three.size(), "two methods, three stages: " + three);
        assertEquals(one.keySet(), three.keySet());
        for (String key : three.keySet()) {
            assertEquals(3 * one.get(key), three.get(key), key + ": three epochs time three times one epoch's steps");
        }
        for (int stage = 1; stage <= 3; stage++) {
            assertEquals(three.get("sinmoall T" + stage), three.get("teracon T" + stage), "both methods time the same steps at T" + stage);
        }
    }

    private static Map<String, Long> steps(Benchmark.Result result) {
        return result.stages().stream().collect(Collectors.toMap(s -> s.method() + " T" + s.stage(), Benchmark.Stage::steps));
    }
}
