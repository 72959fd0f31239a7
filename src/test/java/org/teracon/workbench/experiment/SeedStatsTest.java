package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed statistics against values worked out by hand (each derivation in the comment above its assertion). */
class SeedStatsTest {

    @Test
    void meanAndSampleStdDivideByNMinusOne() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32;
        // sample variance 32/7, std sqrt(32/7) = 2.13809 (the population std would be 2).
        SeedStats.Summary s = SeedStats.summary(2, 4, 4, 4, 5, 5, 7, 9);
        assertEquals(5.0, s.mean(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7.0), s.std(), 1e-12);
        assertEquals(8, s.n());
        assertEquals("5.0000 ± 2.1381 (8)", s.format());
    }

    @Test
    void nanIsLeftOutAndOneValueHasNoStd() {
        SeedStats.Summary s = SeedStats.summary(Double.NaN, 0.25, Double.NaN);
        assertEquals(0.25, s.mean(), 0);
        assertTrue(Double.isNaN(s.std()));
        assertEquals(1, s.n());
        assertEquals("0.2500 ± – (1)", s.format());
        assertEquals("–", SeedStats.summary(Double.NaN).format());
    }

    @Test
    void pairedTOnFiveKnownPairs() {
        // a = 3,5,7,9,11; b = 2,3,4,5,6: differences d = 1,2,3,4,5, mean 3, sample sd sqrt(10/4) = 1.58114,
        // standard error 1.58114/sqrt(5) = 0.70711, t = 3/0.70711 = 4.24264 with 4 degrees of freedom.
        // The t(4) CDF in closed form: with x = t/sqrt(1 + t²/4),
        // F = 1/2 + (3/8)·x·(1 − t²/(12(1 + t²/4))) = 1/2 + 0.375·1.80907·0.72727 = 0.99338,
        // two-sided p = 2(1 − F) = 0.01324.
        SeedStats.Paired p = SeedStats.paired(new double[]{3, 5, 7, 9, 11}, new double[]{2, 3, 4, 5, 6});
        assertEquals(0.01324, p.pT(), 5e-5);
        assertEquals(5, p.n());
        // Wilcoxon: every difference positive, W+ = 1+2+3+4+5 = 15 = the maximum; of the 2^5 = 32 sign
        // assignments only one reaches 15, so the exact two-sided p = 2·1/32 = 0.0625.
        assertEquals(0.0625, p.pWilcoxon(), 1e-12);
        assertTrue(p.wilcoxonExact());
    }

    @Test
    void wilcoxonExactWithOneNegativeDifference() {
        // differences 0.2, -0.1, 0.5, 0.15, 0.3: ranks of |d| are 3, 1, 5, 2, 4; W- = 1, W+ = 14.
        // Subsets of ranks {1..5} summing to >= 14: {1,2,3,4,5} (15) and {2,3,4,5} (14), 2 of 32,
        // so p = 2·2/32 = 0.125.
        SeedStats.Paired p = SeedStats.paired(new double[]{1.2, 0.9, 1.5, 1.15, 1.3}, new double[]{1, 1, 1, 1, 1});
        assertEquals(0.125, p.pWilcoxon(), 1e-12);
    }

    @Test
    void wilcoxonTwoSidedPIsAtMostOne() {
        // differences +1, +2, -3: W+ = 1 + 2 = 3 = W-; subsets of {1,2,3} with sum >= 3 are 5 of 8, and
        // doubling that tail gives 1.25: the two-sided p is capped at 1 (no evidence either way).
        assertEquals(1.0, SeedStats.paired(new double[]{2, 4, 0}, new double[]{1, 2, 3}).pWilcoxon(), 0);
        assertEquals("2.2 ± 31.6 (3)", new SeedStats.Summary(2.182, 31.6, 3).format());
    }

    @Test
    void pairsWithNanOrNoDifferenceAreDropped() {
        // Only seeds 1 and 3 pair (seed 2 lacks the method's value, seed 4 ties): n = 2.
        SeedStats.Paired p = SeedStats.paired(new double[]{0.3, Double.NaN, 0.5, 0.4}, new double[]{0.1, 0.2, 0.2, 0.4});
        assertEquals(2, p.n());
        // d = 0.2, 0.3: mean 0.25, sd 0.070711, se 0.05, t = 5 with 1 df: p = 1 − (2/π)·atan(5) = 0.12567.
        assertEquals(1 - 2 / Math.PI * Math.atan(5), p.pT(), 1e-9);
        SeedStats.Paired none = SeedStats.paired(new double[]{0.3}, new double[]{0.1});
        assertTrue(Double.isNaN(none.pT()) && Double.isNaN(none.pWilcoxon()));
        // identical differences: no spread, the t statistic is undefined
        assertTrue(Double.isNaN(SeedStats.paired(new double[]{2, 3, 4}, new double[]{1, 2, 3}).pT()));
    }

    @Test
    void seedsAreACountOrADistinctList() {
        assertEquals(List.of(42L, 43L, 44L), SeedList.parse("3", 42).seeds());
        assertEquals(List.of(42L), SeedList.parse("1", 42).seeds());
        assertFalse(SeedList.parse("1", 42).isGroup());
        assertEquals(List.of(1L, 2L, 7L), SeedList.parse("1, 2,7", 42).seeds());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedList.parse("0", 42)).getMessage().contains("≥ 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedList.parse("1,2,1", 42)).getMessage().contains("distinct"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedList.parse("1,2.5", 42)).getMessage().contains("2.5"));
        assertThrows(IllegalArgumentException.class, () -> SeedList.parse("", 42));
        assertThrows(IllegalArgumentException.class, () -> SeedList.parse("-3", 42));
    }

    @Test
    void seedTableAggregatesCellsBySeedAndPairsRowsBySeed() {
        ResultTable s1 = new ResultTable.Builder("c", "method", List.of("x")).row("base", 0.10).row("m", 0.30).build();
        ResultTable s2 = new ResultTable.Builder("c", "method", List.of("x")).row("base", 0.20).row("m", 0.50).build();
        ResultTable s3 = new ResultTable.Builder("c", "method", List.of("x")).row("m", 0.40).build();
        SeedTable t = SeedTable.of(List.of(1L, 2L, 3L), List.of(s1, s2, s3));
        // m: 0.3, 0.5, 0.4: mean 0.4, sample std sqrt((0.01+0.01+0)/2) = 0.1; base has only two seeds
        assertEquals(0.4, t.cell(1, 0).mean(), 1e-12);
        assertEquals(0.1, t.cell(1, 0).std(), 1e-12);
        assertEquals(2, t.cell(0, 0).n());
        assertTrue(t.markdown().contains("| m | 0.4000 ± 0.1000 (3) |"), t.markdown());
        assertTrue(t.csv().startsWith("method,x mean,x std(n-1),x n"), t.csv());
        // paired by seed: seeds 1 and 2 only (seed 3 has no baseline): d = 0.2, 0.3
        SeedComparison c = new SeedComparison(t, "base");
        assertEquals(2, c.test("m", "x").n());
        assertEquals(1 - 2 / Math.PI * Math.atan(5), c.test("m", "x").pT(), 1e-9);
        assertTrue(c.markdown().contains("Paired tests"), c.markdown());
        assertTrue(c.csv().lines().findFirst().orElse("").contains("x p_paired_t vs base"));
    }
}
