package org.teracon.workbench.method;

import java.util.Random;

/**
 * The run's random stream: exactly {@link Random}'s numbers (the same 48-bit congruential generator and
 * polar Gaussians, as its documentation specifies them), but with a state that can be read and put back
 * in place, so a resumed run draws what the unbroken run drew. Methods and plugins keep a reference to
 * the one object, hence restoring in place rather than replacing it.
 */
public final class RunRandom extends Random {
    private static final long serialVersionUID = 1L;
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;
    // no field initialisers: Random's constructor sets them through setSeed before they would run
    private long seed;
    private double nextNextGaussian;
    private boolean haveNextNextGaussian;

    public RunRandom(long seed) {
        super(seed);
    }

    /** The generator's whole state. */
    public record State(long seed, double nextNextGaussian, boolean haveNextNextGaussian) implements java.io.Serializable {
    }

    public synchronized State state() {
        return new State(seed, nextNextGaussian, haveNextNextGaussian);
    }

    public synchronized void restore(State s) {
        seed = s.seed();
        nextNextGaussian = s.nextNextGaussian();
        haveNextNextGaussian = s.haveNextNextGaussian();
    }

    @Override
    public synchronized void setSeed(long s) {
        seed = (s ^ MULTIPLIER) & MASK;
        haveNextNextGaussian = false;
    }

    @Override
    protected synchronized int next(int bits) {
        seed = (seed * MULTIPLIER + ADDEND) & MASK;
        return (int) (seed >>> (48 - bits));
    }

    @Override
    public synchronized double nextGaussian() {
        if (haveNextNextGaussian) {
            haveNextNextGaussian = false;
            return nextNextGaussian;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextNextGaussian = v2 * multiplier;
        haveNextNextGaussian = true;
        return v1 * multiplier;
    }
}
