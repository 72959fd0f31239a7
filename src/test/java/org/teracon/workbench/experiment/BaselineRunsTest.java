package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.baseline.ConureMethod;
import org.teracon.workbench.method.baseline.HatMethod;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.model.BackboneConfig;

/** Every paper baseline through the whole runner on the bundled sample with a tiny schedule. */
class BaselineRunsTest {

    static ExperimentConfig tiny(String method, ParamValues params) {
        return ExperimentConfig.defaults("sample-datasets/synthetic").withMethod(method)
                .withBackbone(new BackboneConfig(8, 3, List.of(1, 2)))
                .withTraining(new TrainingConfig(2, 2, 2, 32, 32, 3e-3, 3e-3, 256))
                .withTaskOrder(List.of("next_item", "taste_group", "side_group"))
                .withParams(params);
    }

    static RunResult run(ExperimentConfig c, Path dir) {
        RunResult r = new ExperimentRunner().run(c, dir.resolve("run"), e -> { }, new CancellationToken());
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        for (int stage = 0; stage < 3; stage++) {
            for (int task = 0; task <= stage; task++) assertFalse(Double.isNaN(r.matrix().get(stage, task)), "R(" + stage + "," + task + ")");
        }
        return r;
    }

    @Test
    void conureKeepsTaskOneScoreExactly(@TempDir Path dir) {
        RunResult r = run(tiny("conure", ParamValues.none().with(ConureMethod.KEEP, 0.5)), dir);
        assertEquals(r.matrix().get(0, 0), r.matrix().get(2, 0), 0.0, "CONURE's BWT on T1 is zero");
        assertEquals(r.matrix().get(1, 1), r.matrix().get(2, 1), 0.0);
    }

    @Test
    void peterRecKeepsTaskOneScoreExactly(@TempDir Path dir) {
        RunResult r = run(tiny("peterrec", ParamValues.none()), dir);
        assertEquals(r.matrix().get(0, 0), r.matrix().get(2, 0), 0.0, "the frozen T1 model serves T1");
    }

    @Test
    void hatRunsAndReportsItsMasks(@TempDir Path dir) {
        RunResult r = run(tiny("hat", ParamValues.none().with(HatMethod.S_MAX, 100.0)), dir);
        assertNotNull(r.maskSimilarity(), "HAT's gates feed the mask-similarity table");
    }

    @Test
    void piggybackKeepsTaskOneScoreExactly(@TempDir Path dir) {
        RunResult r = run(tiny("piggyback", ParamValues.none()), dir);
        assertEquals(r.matrix().get(0, 0), r.matrix().get(2, 0), 0.0, "the frozen T1 model serves T1");
    }

    @Test
    void mtlRunsAndServesTaskOneWithTheOriginalModel(@TempDir Path dir) {
        RunResult r = run(tiny("mtl", ParamValues.none()), dir);
        assertEquals(r.matrix().get(0, 0), r.matrix().get(2, 0), 0.0);
    }

    @Test
    void everyBaselineIsRegistered() {
        assertTrue(Methods.names().containsAll(List.of("conure", "peterrec", "hat", "piggyback", "mtl")));
    }
}
