package org.teracon.workbench.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Backward and forward transfer exactly as the paper defines them, per task T_i:
 * BWT = (R(T_M, T_i) - R(T_i, T_i)) / R(T_i, T_i) x 100 and FWT = (R(T_i, T_i) - Rbar_i) / Rbar_i x 100,
 * where T_M is the last task learned and Rbar_i the single-task (SinMo) score. NaN where undefined
 * (no reference, or a zero denominator), and always for T1's FWT: T1 is trained before any other task,
 * so nothing can transfer forward into it and the paper leaves it undefined (tables show "–").
 */
public final class TransferScores {

    public record Row(String task, String metric, double learned, double last, double bwt, double reference, double fwt) {
    }

    private TransferScores() {
    }

    public static double bwt(double rLastTi, double rTiTi) {
        return rTiTi == 0 || Double.isNaN(rTiTi) ? Double.NaN : (rLastTi - rTiTi) / rTiTi * 100.0;
    }

    public static double fwt(double rTiTi, double reference) {
        return reference == 0 || Double.isNaN(reference) ? Double.NaN : (rTiTi - reference) / reference * 100.0;
    }

    /**
     * @param reference single-task scores per task (same order as the matrix), or null when there is none
     */
    public static List<Row> of(AccuracyMatrix r, double[] reference) {
        int last = r.lastStage();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            double learned = r.get(i, i);
            double atEnd = r.get(last, i);
            double ref = reference == null || i >= reference.length ? Double.NaN : reference[i];
            double fwt = i == 0 ? Double.NaN : fwt(learned, ref);
            rows.add(new Row(r.tasks().get(i), r.metrics().get(i), learned, atEnd, bwt(atEnd, learned), ref, fwt));
        }
        return rows;
    }
}
