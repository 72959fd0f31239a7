package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransferScoresTest {

    @Test
    void bwtAndFwtFollowThePapersFormulas() {
        // R(Tj,Ti): rows = after task j, columns = task i
        double[][] r = {
                {0.20, Double.NaN, Double.NaN},
                {0.15, 0.50, Double.NaN},
                {0.10, 0.55, 0.40}};
        AccuracyMatrix m = new AccuracyMatrix(List.of("T1", "T2", "T3"), List.of("MRR@5", "accuracy", "accuracy"), r);
        List<TransferScores.Row> rows = TransferScores.of(m, new double[] {0.25, 0.40, 0.50});
        // BWT^T1 = (0.10 - 0.20) / 0.20 * 100 = -50; BWT^T2 = (0.55 - 0.50) / 0.50 * 100 = +10; BWT^T3 = 0
        assertEquals(-50.0, rows.get(0).bwt(), 1e-9);
        assertEquals(10.0, rows.get(1).bwt(), 1e-9);
        assertEquals(0.0, rows.get(2).bwt(), 1e-9);
        // FWT^Ti = (R(Ti,Ti) - Rbar) / Rbar * 100: (0.50-0.40)/0.40 = +25, (0.40-0.50)/0.50 = -20;
        // T1's is undefined in the paper (nothing precedes it), whatever its reference
        assertTrue(Double.isNaN(rows.get(0).fwt()), "T1's FWT is undefined");
        assertEquals(25.0, rows.get(1).fwt(), 1e-9);
        assertEquals(-20.0, rows.get(2).fwt(), 1e-9);
        assertEquals(0.10, rows.get(0).last(), 1e-12);
    }

    @Test
    void undefinedTransferIsNaNNotAnError() {
        assertTrue(Double.isNaN(TransferScores.bwt(0.3, 0.0)));
        assertTrue(Double.isNaN(TransferScores.fwt(0.3, Double.NaN)));
        AccuracyMatrix m = AccuracyMatrix.empty(List.of("T1", "T2"), List.of("MRR@5", "accuracy")).with(0, 0, 0.5);
        List<TransferScores.Row> rows = TransferScores.of(m, null);
        assertEquals(1, rows.size(), "only stages that ran get a row");
        assertTrue(Double.isNaN(rows.get(0).fwt()));
    }
}
