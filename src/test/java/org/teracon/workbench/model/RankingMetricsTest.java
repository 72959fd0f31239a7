package org.teracon.workbench.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void rankCountsCandidatesScoredAtLeastAsHighAndSkipsPadding() {
        float[] scores = {9f, 0.5f, 0.9f, 0.1f, 0.9f};
        assertEquals(4, RankingMetrics.rank(scores, 1, 0), "9, 0.9 and 0.9 outrank 0.5");
        assertEquals(3, RankingMetrics.rank(scores, 1, 1), "candidate 0 (padding) excluded");
        assertEquals(2, RankingMetrics.rank(scores, 2, 1), "tie with index 4 counts against the label");
        assertEquals(4, RankingMetrics.rank(scores, 3, 1));
    }

    @Test
    void summaryMatchesHandComputedValues() {
        // ranks 1, 2, 6, 30: MRR@5 = (1 + 1/2 + 0 + 0)/4 = 0.375; HR@5 = 2/4; MRR@20 = (1 + 0.5 + 1/6)/4
        Map<String, Double> m = RankingMetrics.summarize(new int[] {1, 2, 6, 30});
        assertEquals(0.375, m.get("MRR@5"), 1e-12);
        assertEquals(0.5, m.get("HR@5"), 1e-12);
        assertEquals((1 + 0.5 + 1.0 / 6) / 4, m.get("MRR@20"), 1e-12);
        assertEquals(0.75, m.get("HR@20"), 1e-12);
        // NDCG@5 = (1/log2(2) + 1/log2(3)) / 4
        assertEquals((1 + 1 / (Math.log(3) / Math.log(2))) / 4, m.get("NDCG@5"), 1e-12);
        assertEquals(0.25, m.get("accuracy"), 1e-12);
        assertEquals(4.0, m.get("instances"));
    }
}
