package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.model.BackboneConfig;

class ExperimentRunnerTest {

    static final List<String> ORDER = List.of("next_item", "taste_group", "side_group");

    static ExperimentConfig tiny(String method) {
        return ExperimentConfig.defaults("sample-datasets/synthetic").withMethod(method)
                .withBackbone(new BackboneConfig(16, 3, List.of(1, 2)))
                .withTraining(new TrainingConfig(3, 3, 2, 32, 32, 3e-3, 3e-3, 256))
                .withTaskOrder(ORDER);
    }

    /** R(T_i, T_j) is measured exactly for j <= i (a score in [0, 1]) and nowhere else. */
    static void assertLowerTriangleMeasured(AccuracyMatrix m) {
        assertEquals(ORDER, m.tasks());
        for (int i = 0; i < m.size(); i++) {
            for (int j = 0; j < m.size(); j++) {
                double v = m.get(i, j);
                if (j <= i) assertTrue(v >= 0 && v <= 1, "R(" + i + "," + j + ") = " + v);
                else assertTrue(Double.isNaN(v), "R(" + i + "," + j + ") measured before T" + (j + 1) + " was learned: " + v);
            }
        }
    }

    @Test
    void sinMoAllRunsEndToEndAndWritesTheRunFolder(@TempDir Path dir) throws Exception {
        List<RunEvent> events = new ArrayList<>();
        RunResult r = new ExperimentRunner().run(tiny("sinmoall"), dir.resolve("run"), events::add, new CancellationToken());
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        for (String f : List.of("experiment.json", "loss.csv", "accuracy_matrix.csv", "transfer.csv", "results.json")) {
            assertTrue(Files.exists(dir.resolve("run").resolve(f)), f);
        }
        assertLowerTriangleMeasured(r.matrix());
        assertTrue(events.get(0) instanceof RunEvent.RunStarted);
        assertTrue(events.get(events.size() - 1) instanceof RunEvent.RunEnded);
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.BatchProgress));
    }

    /**
     * Masks: every learned task has one, a mask is identical to itself (cosine 1) and, being a sigmoid
     * output (non-negative), has cosine in [0, 1] with any other. Rates: after stage i there is one
     * rho per old task, and rho = 1 - mean σ(c·cos) with cos in [0, 1] lies in [1 - σ(c), 1/2].
     */
    @Test
    void teraconRunsEndToEndWithMasksAndRates(@TempDir Path dir) throws Exception {
        List<RunEvent> events = new ArrayList<>();
        ExperimentConfig cfg = tiny("teracon");
        RunResult r = new ExperimentRunner().run(cfg, dir.resolve("run"), events::add, new CancellationToken());
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        assertLowerTriangleMeasured(r.matrix());

        MaskSimilarityTable s = r.maskSimilarity();
        assertEquals(ORDER, s.tasks());
        for (int a = 0; a < 3; a++) {
            assertEquals(1.0, s.averaged()[a][a], 1e-5, "self-similarity of " + ORDER.get(a));
            for (int b = 0; b < 3; b++) {
                double v = s.averaged()[a][b];
                assertTrue(v >= -1e-6 && v <= 1 + 1e-6, ORDER.get(a) + "~" + ORDER.get(b) + " = " + v);
                assertEquals(v, s.averaged()[b][a], 1e-9, "symmetric");
            }
        }
        List<String> meanRows = Files.readString(dir.resolve("run/mask_similarity.csv")).lines().filter(l -> l.startsWith("mean,")).toList();
        assertEquals(9, meanRows.size(), "one mean row per task pair");
        for (String row : meanRows) {
            String[] f = row.split(",");
            assertEquals(s.averaged()[ORDER.indexOf(f[1])][ORDER.indexOf(f[2])], Double.parseDouble(f[3]), 1e-6, row);
        }
        assertEquals(List.of(0, 1, 2), events.stream().filter(e -> e instanceof RunEvent.MaskSnapshot)
                .map(e -> ((RunEvent.MaskSnapshot) e).stage()).toList(), "a mask snapshot after every stage");

        List<Map<String, Double>> rates = r.samplingRates();
        assertEquals(List.of(List.of(), List.of("next_item"), List.of("next_item", "taste_group")),
                rates.stream().map(m -> List.copyOf(m.keySet())).toList());
        double lowest = 1 - 1 / (1 + Math.exp(-cfg.teracon().c()));
        rates.stream().flatMap(m -> m.values().stream()).forEach(rho ->
                assertTrue(rho >= lowest - 1e-9 && rho <= 0.5 + 1e-9, "rho " + rho + " outside [" + lowest + ", 0.5]"));
    }
}
