package org.teracon.workbench.method.teracon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.ExperimentRunner;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.model.BackboneConfig;

/**
 * Teacher and student read a batch at the same s (the reference's two forward passes): at the first
 * step of a stage the student is the teacher, so with plain masks the retention term is zero, and
 * loss.csv's first row of the stage shows it. Later steps move the student, so the term grows.
 */
class RetentionFirstStepTest {

    @Test
    void retentionLossIsZeroAtTheFirstStepOfAStage(@TempDir Path dir) throws Exception {
        ExperimentConfig cfg = ExperimentConfig.defaults("sample-datasets/synthetic").withMethod("teracon-plain")
                .withBackbone(new BackboneConfig(16, 3, List.of(1, 2)))
                .withTraining(new TrainingConfig(1, 1, 1, 32, 32, 3e-3, 3e-3, 256))
                .withTaskOrder(List.of("next_item", "liked_items", "taste_group"));
        RunResult r = new ExperimentRunner().run(cfg, DatasetLoader.load(Path.of("sample-datasets/synthetic")), dir, e -> { },
                new CancellationToken());
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        List<String> lines = Files.readAllLines(dir.resolve("loss.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int stage = header.indexOf("stage");
        int step = header.indexOf("step");
        int kr = header.indexOf("kr");
        for (int s = 1; s <= 2; s++) {
            double first = Double.NaN;
            double largest = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                if (Integer.parseInt(f[stage]) != s) continue;
                double v = Double.parseDouble(f[kr]);
                if (Integer.parseInt(f[step]) == 1) first = v;
                largest = Math.max(largest, v);
            }
            assertTrue(first <= 1e-6, "stage " + s + " first-step kr " + first);
            assertTrue(largest > 1e-4, "stage " + s + ": the student leaves the teacher, largest kr " + largest);
        }
    }
}
