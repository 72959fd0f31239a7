package org.teracon.workbench.ui.vm;

import java.util.Locale;
import org.teracon.workbench.app.compare.CompareMeasure;
import org.teracon.workbench.experiment.SeedStats;

/** How the Compare view's per-task table writes its cells; CSV export writes the same strings. */
public final class CompareCells {
    private CompareCells() {
    }

    /** A single run's number as the run views print it; a seed group's as mean ± std (n). */
    public static String value(SeedStats.Summary s, boolean group, CompareMeasure measure) {
        if (s.n() == 0) return "–";
        if (group) return s.format();
        return measure == CompareMeasure.BWT || measure == CompareMeasure.FWT ? Fmt.pct(s.mean()) : Fmt.num(s.mean());
    }

    /** Unit − reference, signed; empty for the reference itself or where a side has no value. */
    public static String delta(double d, CompareMeasure measure) {
        if (Double.isNaN(d)) return "";
        return String.format(Locale.ROOT, measure == CompareMeasure.BWT || measure == CompareMeasure.FWT ? "%+.2f" : "%+.4f", d);
    }

    /** "p_t / p_W (pairs)"; empty when there is no test (a single run on either side). */
    public static String test(SeedStats.Paired p) {
        if (p == null) return "";
        return SeedStats.p(p.pT()) + " / " + SeedStats.p(p.pWilcoxon()) + " (" + p.n() + ")";
    }
}
