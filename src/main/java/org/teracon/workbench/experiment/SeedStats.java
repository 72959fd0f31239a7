package org.teracon.workbench.experiment;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Statistics over the seeds of a group: mean, sample standard deviation (n−1) and n of a cell, and the
 * two paired tests of a method against a baseline, paired by seed. The tests are Apache Commons Math's
 * ({@code TTest.pairedTTest}, {@code WilcoxonSignedRankTest}), not written here; NaN values (a metric a
 * seed did not reach) are left out of every statistic.
 */
public final class SeedStats {
    /** Commons Math computes the Wilcoxon p-value exactly up to this many pairs; above it, a normal approximation. */
    public static final int WILCOXON_EXACT_MAX = 30;

    /** One cell over the seeds: std is the sample standard deviation (divides by n−1), NaN when n < 2. */
    public record Summary(double mean, double std, int n) {
        /** "0.0412 ± 0.0031 (3)"; "–" when no seed has a value. */
        public String format() {
            if (n == 0) return "–";
            // one precision for both numbers, chosen by the larger of the two
            String f = Math.max(Math.abs(mean), Double.isNaN(std) ? 0 : std) >= 10 ? "%.1f" : "%.4f";
            return String.format(Locale.ROOT, f, mean) + " ± " + (Double.isNaN(std) ? "–" : String.format(Locale.ROOT, f, std)) + " (" + n + ")";
        }
    }

    /** A paired comparison: two-sided p-values of the paired t-test and the Wilcoxon signed-rank test. */
    public record Paired(int n, double pT, double pWilcoxon, boolean wilcoxonExact) {
    }

    private SeedStats() {
    }

    public static Summary summary(double... values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
        int n = v.length;
        if (n == 0) return new Summary(Double.NaN, Double.NaN, 0);
        double mean = Arrays.stream(v).sum() / n;
        if (n < 2) return new Summary(mean, Double.NaN, 1);
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        return new Summary(mean, Math.sqrt(ss / (n - 1)), n);
    }

    /**
     * Paired tests of {@code method} against {@code baseline}, index k of both being the same seed. Pairs
     * where either side is NaN are dropped; then pairs with a zero difference are dropped too (Wilcoxon's
     * convention; Commons Math would rank them). p is NaN with fewer than two pairs left, or when the
     * differences have no spread (the t statistic is undefined).
     */
    public static Paired paired(double[] method, double[] baseline) {
        if (method.length != baseline.length) throw new IllegalArgumentException("paired samples must have equal length");
        int kept = 0;
        double[] a = new double[method.length];
        double[] b = new double[method.length];
        for (int k = 0; k < method.length; k++) {
            if (Double.isNaN(method[k]) || Double.isNaN(baseline[k]) || method[k] == baseline[k]) continue;
            a[kept] = method[k];
            b[kept] = baseline[k];
            kept++;
        }
        a = Arrays.copyOf(a, kept);
        b = Arrays.copyOf(b, kept);
        boolean exact = kept <= WILCOXON_EXACT_MAX;
        if (kept < 2) return new Paired(kept, Double.NaN, Double.NaN, exact);
        double pT = summary(difference(a, b)).std() == 0 ? Double.NaN : new TTest().pairedTTest(a, b);
        // Commons Math 3.6.1 doubles the one-sided exact tail without capping it (n = 3 with W+ = W- = 3 gives
        // 2·5/8 = 1.25); a two-sided p-value is at most 1.
        double pW = Math.min(1.0, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(a, b, exact));
        return new Paired(kept, pT, pW, exact);
    }

    private static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i] - b[i];
        return d;
    }

    static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.4f", v);
    }

    /** A p-value as the tables print it: "–" when undefined. */
    public static String p(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, v < 0.001 ? "%.1e" : "%.4f", v);
    }
}
