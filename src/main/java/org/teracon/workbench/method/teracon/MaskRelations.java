package org.teracon.workbench.method.teracon;

/**
 * Relations between task masks: cosine similarity per layer, and the paper's relation-aware sampling
 * rate rho_{i,j} = 1 - (1/K) Σ_k σ(c · cos(m_k^{Ti}, m̃_k^{Tj})) over the K masked layers.
 */
public final class MaskRelations {
    private MaskRelations() {
    }

    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("masks differ in length: " + a.length + " vs " + b.length);
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** Cosine per layer of two tasks' masks [layer][channel]. */
    public static double[] cosinePerLayer(float[][] a, float[][] b) {
        double[] c = new double[a.length];
        for (int k = 0; k < a.length; k++) c[k] = cosine(a[k], b[k]);
        return c;
    }

    /**
     * @param current masks of the task being learned, from the live model [layer][channel]
     * @param old     masks of an old task from the frozen model
     * @param c       sharpness of the sigmoid (the reference's 6)
     */
    public static double samplingRate(float[][] current, float[][] old, double c) {
        double[] cos = cosinePerLayer(current, old);
        double sum = 0;
        for (double v : cos) sum += 1.0 / (1.0 + Math.exp(-c * v));
        return 1.0 - sum / cos.length;
    }
}
