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

    /**
     * The planted relations show in the masks: the two tasks built from the same taste factor have
     * near-identical masks, and the noisy task's mask is further from both. On the SameDiff engine the
     * margin was 0.34; on the hand-written engine (same maths, gradient-checked) it is 0.013 with this
     * seed, so only the ordering is asserted — see issue #8's closing note. (The paper's
     * stronger reading, noise least similar to every task, did not hold on this sample: the noisy
     * task's mask ended as close to side_group's as 0.99 — see the README.)
     */
    @Test
    void relatedTasksShareMasksAndTheNoisyTaskStandsApart(@TempDir Path dir) {
        ExperimentConfig cfg = config("teracon", List.of()).withTraining(new TrainingConfig(10, 10, 3, 32, 64, 3e-3, 3e-3, 256));
        RunResult r = new ExperimentRunner().run(cfg, SAMPLE, dir, e -> { }, new CancellationToken());
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        MaskSimilarityTable s = r.maskSimilarity();
        int liked = s.tasks().indexOf("liked_items");
        int taste = s.tasks().indexOf("taste_group");
        int noise = s.tasks().indexOf("noise");
        double related = s.averaged()[liked][taste];
        assertTrue(related > s.averaged()[liked][noise], "liked~taste " + related + " vs liked~noise " + s.averaged()[liked][noise]);
        assertTrue(related > s.averaged()[taste][noise], "liked~taste " + related + " vs taste~noise " + s.averaged()[taste][noise]);
    }

    /**
     * Knowledge retention over all current users (the sampling study's "1.0" arm): on this small sample
     * every task's mask stays close to all-open, so the equation's rate collapses to 1 - σ(c) ≈ 0.0025,
     * i.e. one user per batch; that arm is covered by the sampling study, not asserted here.
     */
    @Test
    void teraconKeepsTheFirstTaskFarBetterThanSinMoAll(@TempDir Path dir) {
        List<String> order = List.of("next_item", "liked_items", "taste_group", "side_group");
        ExperimentConfig cfg = config("teracon", order);
        cfg = cfg.withTeracon(cfg.teracon().withSampling(SamplingMode.ALL));
        RunResult teracon = new ExperimentRunner().run(cfg, SAMPLE, dir.resolve("t"), e -> { }, new CancellationToken());
        RunResult naive = new ExperimentRunner().run(config("sinmoall", order), SAMPLE, dir.resolve("s"), e -> { }, new CancellationToken());
        double bwtTeracon = teracon.transfer().get(0).bwt();
        double bwtNaive = naive.transfer().get(0).bwt();
        assertTrue(bwtTeracon > bwtNaive + 15, "TERACON's T1 BWT " + bwtTeracon + " should beat SinMoAll's " + bwtNaive + " by 15 points");
        // and in absolute terms: after the last task TERACON's T1 score is the higher one
        assertTrue(teracon.transfer().get(0).last() > naive.transfer().get(0).last(),
                "R(TM,T1) " + teracon.transfer().get(0).last() + " vs " + naive.transfer().get(0).last());
    }
}
