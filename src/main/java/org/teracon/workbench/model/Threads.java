package org.teracon.workbench.model;


/**
 * Threading of the native backend, as measured on 2 cores (README, Benchmark): libnd4j's element-wise
 * ops lose time to OpenMP's second thread (a reference-size step: 640 ms with OMP_NUM_THREADS=2, 380 ms
 * with 1), while the GEMMs gain from a second BLAS thread (165 vs 99 GFLOP/s at 1024³). So element-wise
 * ops run on one OpenMP thread and BLAS on every core. OMP_NUM_THREADS is read once when the native
 * library loads, which is why {@code Main} starts the JVM again with it set when the user has not.
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

    /** BLAS threads as {@link GemmLanes} uses them (call before the first GEMM). */
    public static void useAllCoresForBlas() {
        GemmLanes.configureBlas();
    }
}
