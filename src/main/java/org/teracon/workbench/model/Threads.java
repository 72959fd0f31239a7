package org.teracon.workbench.model;

/**
 * OpenMP threading of the native backend, as measured on 2 cores (README, Benchmark): libnd4j's
 * element-wise ops lose time to OpenMP's second thread (a reference-size step: 640 ms with
 * OMP_NUM_THREADS=2, 380 ms with 1), so they run on one. OMP_NUM_THREADS is read once when the native
 * library loads, which is why {@code Main} starts the JVM again with it set when the user has not. BLAS
 * threads are {@link GemmLanes}' business. Also here: the other setting that must be made before the
 * native library loads, javacpp's resident-size check.
 */
public final class Threads {
    public static final String OMP = "OMP_NUM_THREADS";
    /** javacpp's limit on the process's resident size; 0 turns its check off. */
    public static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    private Threads() {
    }

    /** True when the environment leaves the OpenMP thread count to us. */
    public static boolean ompUnset() {
        String v = System.getenv(OMP);
        return v == null || v.isBlank();
    }

    /**
     * Turns off javacpp's resident-size check unless the user has set a limit, before any ND4J class loads.
     * With a limit, javacpp reads /proc/self/statm (a system call, under a lock all threads share) every
     * time it registers a native pointer, and ND4J registers several per op (ML-100K T5 at the default size,
     * median TERACON steps 41-46 ms with the check, 28-35 without; its teacher thread contends for the
     * lock; README, Benchmark). javacpp's limit on the
     * bytes it tracks stays, so a leak still ends in an OutOfMemoryError rather than the machine swapping.
     *
     * @return true when this call set it
     */
    public static boolean skipPhysicalMemoryCheck() {
        if (System.getProperty(MAX_PHYSICAL_BYTES) != null || System.getProperty(MAX_PHYSICAL_BYTES.toLowerCase(java.util.Locale.ROOT)) != null) {
            return false;
        }
        System.setProperty(MAX_PHYSICAL_BYTES, "0");
        return true;
    }
}
