package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.MovieLensImporter;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.model.BackboneConfig;

/** The whole path on real data: GroupLens files → importer → TERACON over three tasks. */
class MovieLensIntegrationTest {
    static final Path ML100K = Path.of("../shared/datasets/ml-100k");

    @Test
    void teraconRunsOnMovieLens100k(@TempDir Path dir) {
        Assumptions.assumeTrue(Files.exists(ML100K.resolve("u.data")),
                "MovieLens 100K not found at " + ML100K.toAbsolutePath() + " (it is never copied into the repo); skipping");
        Dataset ml = MovieLensImporter.importFrom(ML100K);
        ExperimentConfig cfg = ExperimentConfig.defaults(ML100K.toString()).withMethod("teracon")
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
