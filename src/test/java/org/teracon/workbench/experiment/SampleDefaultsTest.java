package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11 problem 3: the window's default experiment on the bundled sample (TERACON, the sample preset,
 * every task, seed 42) must give a mask heatmap with visible structure: the two tasks planted on the same
 * taste factor end closer to each other than either is to the noisy task, and ρ is not one constant.
 * One seed, as the window runs it; the margins it checks are printed.
 */
class SampleDefaultsTest {

    @Test
    void theWindowsDefaultExperimentShowsRelatedTasksCloserThanTheNoisyTask(@TempDir Path dir) {
        ExperimentConfig cfg = ExperimentConfig.defaults(Path.of("sample-datasets", "synthetic").toString()).withPreset(Preset.windowDefault());
        RunResult r = new ExperimentRunner().run(cfg, dir.resolve("run"), e -> { }, new CancellationToken());
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        MaskSimilarityTable m = r.maskSimilarity();
        List<String> t = m.tasks();
        double related = cos(m, t, "liked_items", "taste_group");
        double likedNoise = cos(m, t, "liked_items", "noise");
        double tasteNoise = cos(m, t, "taste_group", "noise");
        System.out.printf(java.util.Locale.ROOT, "sample defaults: cos(liked, taste) %.5f, cos(liked, noise) %.5f, cos(taste, noise) %.5f%n",
                related, likedNoise, tasteNoise);
        assertTrue(related > likedNoise && related > tasteNoise, "related " + related + " vs noisy " + likedNoise + ", " + tasteNoise);
        double min = 1;
        for (double[] row : m.averaged()) for (double v : row) min = Math.min(min, v);
        assertTrue(min < 0.995, "some pair must differ in the third decimal the heatmap prints: min " + min);
        double[] rho = r.samplingRates().stream().flatMap(x -> x.values().stream()).mapToDouble(Double::doubleValue).toArray();
        assertTrue(java.util.Arrays.stream(rho).max().orElse(0) - java.util.Arrays.stream(rho).min().orElse(0) > 1e-3,
                "ρ varies across old tasks and stages: " + java.util.Arrays.toString(rho));
    }

    private static double cos(MaskSimilarityTable m, List<String> tasks, String a, String b) {
        return m.averaged()[tasks.indexOf(a)][tasks.indexOf(b)];
    }
}
