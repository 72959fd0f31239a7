package org.teracon.workbench.method.params;

/**
 * The interval a numeric parameter must lie in, written as users read it: {@code [1, ∞)}, {@code (0, 1]}.
 * The infinite ends are always open, so NaN and ±∞ are never inside.
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) throw new IllegalArgumentException("bad range " + min + ".." + max);
        if (Double.isInfinite(min)) minInclusive = false;
        if (Double.isInfinite(max)) maxInclusive = false;
    }

    /** [min, ∞) */
    public static Range atLeast(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, false);
    }

    /** (min, ∞) */
    public static Range above(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, false);
    }

    /** (min, max]: a share or a rate that may not be zero. */
    public static Range aboveUpTo(double min, double max) {
        return new Range(min, false, max, true);
    }

    public boolean contains(double v) {
        return (minInclusive ? v >= min : v > min) && (maxInclusive ? v <= max : v < max);
    }

    @Override
    public String toString() {
        return (minInclusive ? "[" : "(") + format(min) + ", " + format(max) + (maxInclusive ? "]" : ")");
    }

    /** Whole numbers without ".0", so ranges and defaults read as they were written. */
    public static String format(double d) {
        if (Double.isInfinite(d)) return d > 0 ? "∞" : "-∞";
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
