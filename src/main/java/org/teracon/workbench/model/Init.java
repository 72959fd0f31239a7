package org.teracon.workbench.model;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded initialisers drawing from java.util.Random, so a seed gives the same weights on any backend
 * (ND4J's RNG differs between CPU and CUDA).
 */
public final class Init {
    private Init() {
    }

    public static INDArray uniform(Random rnd, double low, double high, long... shape) {
        float[] v = new float[(int) length(shape)];
        for (int i = 0; i < v.length; i++) v[i] = (float) (low + (high - low) * rnd.nextDouble());
        return Nd4j.create(v, shape, 'c');
    }

    public static INDArray normal(Random rnd, double std, long... shape) {
        float[] v = new float[(int) length(shape)];
        for (int i = 0; i < v.length; i++) v[i] = (float) (rnd.nextGaussian() * std);
        return Nd4j.create(v, shape, 'c');
    }

    /** Glorot/Xavier uniform for a layer with the given fan-in and fan-out. */
    public static INDArray xavier(Random rnd, long fanIn, long fanOut, long... shape) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        return uniform(rnd, -limit, limit, shape);
    }

    public static INDArray constant(double value, long... shape) {
        return Nd4j.valueArrayOf(shape, (float) value).castTo(DataType.FLOAT);
    }

    private static long length(long... shape) {
        long n = 1;
        for (long s : shape) n *= s;
        return n;
    }
}
