package org.teracon.workbench.ui.vm;

import java.util.Locale;

/** Number formatting shared by tables, CSV and SVG, so every export shows the values the window shows. */
public final class Fmt {
    private Fmt() {
    }

    public static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    public static String pct(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%+.2f%%", v);
    }

    /** FWT: "–" where the paper leaves it undefined (T1, or no single-task reference). */
    public static String fwt(double v) {
        return Double.isNaN(v) ? "–" : pct(v);
    }

    public static String seconds(double s) {
        if (Double.isNaN(s) || Double.isInfinite(s) || s < 0) return "–";
        long t = Math.round(s);
        if (t < 60) return t + " s";
        if (t < 3600) return (t / 60) + " min " + (t % 60) + " s";
        return (t / 3600) + " h " + (t % 3600 / 60) + " min";
    }
}
