package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.SharedData;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.MovieLensImporter;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.model.BackboneConfig;

/** The whole path on real data: GroupLens files → importer → TERACON over three tasks. */
class MovieLensIntegrationTest {
    @Test
    void teraconRunsOnMovieLens100k(@TempDir Path dir) {
        Path ml100k = SharedData.require("datasets/ml-100k", "u.data"); // never copied into the repo
        Dataset ml = MovieLensImporter.importFrom(ml100k);
        ExperimentConfig cfg = ExperimentConfig.defaults(ml100k.toString()).withMethod("teracon")
                .withBackbone(new BackboneConfig(16, 3, List.of(1)))
                .withTraining(new TrainingConfig(1, 2, 1, 64, 64, 2e-3, 2e-3, 512))
                .withTaskOrder(List.of("next_item", "gender", "rated_5"));
        RunResult r = new ExperimentRunner().run(cfg, ml, dir, e -> { }, new CancellationToken());
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        assertEquals(List.of("next_item", "gender", "rated_5"), r.matrix().tasks());
        // 0.71 of ML-100K's users are men: a trained gender head must do at least about as well as the majority
        assertTrue(r.matrix().get(1, 1) > 0.6, "gender accuracy " + r.matrix().get(1, 1));
        assertEquals(3, r.maskSimilarity().tasks().size());
        assertTrue(r.matrix().get(2, 0) > 0, "T1 still ranks items after two more tasks");
    }
}
