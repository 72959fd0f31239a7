package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.data.PlantedRelationsGenerator;

class RelationsStudyTest {

    /**
     * By hand: planted (0.8, 0.0, 0.36) has ranks (3, 1, 2); learned (0.9, 0.5, 0.4) has ranks (3, 2, 1).
     * d = (0, −1, 1), Σd² = 2, ρ = 1 − 6·2 / (3·(9 − 1)) = 0.5.
     */
    @Test
    void spearmanOverTheOffDiagonalPairsMatchesTheHandComputedValue() {
        assertEquals(0.5, RelationsStudy.spearman(new double[] {0.8, 0.0, 0.36}, new double[] {0.9, 0.5, 0.4}), 1e-12);

        List<String> tasks = List.of("x", "y", "z");
        var planted = new PlantedRelationsGenerator.Relations(tasks, new double[][] {{1, 0.8, 0.0}, {0.8, 1, 0.36}, {0.0, 0.36, 1}});
        double[][] learned = {{1, 0.9, 0.5}, {0.9, 1, 0.4}, {0.5, 0.4, 1}};
        Map<String, RunResult> results = new LinkedHashMap<>();
        results.put("seed1", withMasks(new MaskSimilarityTable(tasks, new double[][][] {learned}, learned)));
        ResultTable t = RelationsStudy.table(results, planted);
        int rhoRow = t.rows().indexOf("Spearman rho");
        assertEquals(List.of("x ~ y", "x ~ z", "y ~ z"), t.rows().subList(0, 3));
        assertEquals(0.5, t.values()[rhoRow][t.columns().indexOf("learned seed1")], 1e-12);
        assertEquals(0.5, t.values()[rhoRow][t.columns().indexOf("learned mean")], 1e-12);
        assertEquals(0.4, t.values()[t.rows().indexOf("y ~ z")][t.columns().indexOf("learned mean")], 1e-12);
    }

    static RunResult withMasks(MaskSimilarityTable m) {
        return new RunResult("r", null, RunStatus.COMPLETED, "", "cpu", null, List.of(), List.of(), m, List.of(), List.of(),
                List.of(), 0, List.of());
    }
}
