package org.teracon.workbench.model;

/**
 * OpenMP threading of the native backend, as measured on 2 cores (README, Benchmark): libnd4j's
 * element-wise ops lose time to OpenMP's second thread (a reference-size step: 640 ms with
 * OMP_NUM_THREADS=2, 380 ms with 1), so they run on one. OMP_NUM_THREADS is read once when the native
 * library loads, which is why {@code Main} starts the JVM again with it set when the user has not. BLAS
 * threads are {@link GemmLanes}' business.
 */
public final class Threads {
    public static final String OMP = "OMP_NUM_THREADS";

    private Threads() {
    }

    /** True when the environment leaves the OpenMP thread count to us. */
    public static boolean ompUnset() {
        String v = System.getenv(OMP);
        return v == null || v.isBlank();
    }
}
