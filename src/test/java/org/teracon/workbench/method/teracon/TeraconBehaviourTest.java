package org.teracon.workbench.method.teracon;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.ExperimentRunner;
import org.teracon.workbench.experiment.MaskSimilarityTable;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.model.BackboneConfig;

/** The paper's claims, checked on the bundled synthetic data with its planted noisy task. */
class TeraconBehaviourTest {
    static final Dataset SAMPLE = DatasetLoader.load(Path.of("sample-datasets/synthetic"));

    static ExperimentConfig config(String method, List<String> order) {
        return ExperimentConfig.defaults("sample-datasets/synthetic").withMethod(method)
                .withBackbone(new BackboneConfig(32, 3, List.of(1, 2)))
                .withTraining(new TrainingConfig(8, 8, 3, 32, 32, 3e-3, 3e-3, 256))
                .withTaskOrder(order);
    }

    @Test
    void theNoisyTasksMaskIsTheLeastSimilarToTheOthers(@TempDir Path dir) {
        // the sample's own order: three related tasks, an unrelated one, the noisy one last (as the CLI's default run)
        ExperimentConfig cfg = config("teracon", List.of()).withTraining(new TrainingConfig(10, 10, 3, 32, 64, 3e-3, 3e-3, 256));
        RunResult r = new ExperimentRunner().run(cfg, SAMPLE, dir, e -> { }, new CancellationToken());
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        MaskSimilarityTable s = r.maskSimilarity();
        int noise = s.tasks().indexOf("noise");
        double maxWithNoise = 0;
        double minAmongOthers = 1;
        for (int a = 0; a < s.tasks().size(); a++) {
            for (int b = a + 1; b < s.tasks().size(); b++) {
                double v = s.averaged()[a][b];
                if (a == noise || b == noise) maxWithNoise = Math.max(maxWithNoise, v);
                else minAmongOthers = Math.min(minAmongOthers, v);
            }
        }
        for (int a = 0; a < s.tasks().size(); a++) System.out.println(s.tasks().get(a) + " " + java.util.Arrays.toString(s.averaged()[a]));
        System.out.printf("mask cosine: noise vs others <= %.4f, among others >= %.4f%n", maxWithNoise, minAmongOthers);
        assertTrue(maxWithNoise < minAmongOthers - 0.02, "noise " + maxWithNoise + " vs others " + minAmongOthers);
    }

    @Test
    void teraconKeepsTheFirstTaskFarBetterThanSinMoAll(@TempDir Path dir) {
        List<String> order = List.of("next_item", "liked_items", "taste_group", "side_group");
        RunResult teracon = new ExperimentRunner().run(config("teracon", order), SAMPLE, dir.resolve("t"), e -> { }, new CancellationToken());
        RunResult naive = new ExperimentRunner().run(config("sinmoall", order), SAMPLE, dir.resolve("s"), e -> { }, new CancellationToken());
        double bwtTeracon = teracon.transfer().get(0).bwt();
        double bwtNaive = naive.transfer().get(0).bwt();
        System.out.printf("BWT(T1): teracon %.1f%%, sinmoall %.1f%%; R(TM,T1) %.4f vs %.4f%n", bwtTeracon, bwtNaive,
                teracon.transfer().get(0).last(), naive.transfer().get(0).last());
        assertTrue(bwtTeracon > bwtNaive + 15, "TERACON's T1 BWT " + bwtTeracon + " should beat SinMoAll's " + bwtNaive + " by 15 points");
    }
}
