package org.teracon.workbench.model;

import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingDeque;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Two GEMM lanes on a 2-core CPU: the calling thread and one worker thread, each with single-threaded
 * BLAS. Measured here (README, Benchmark): OpenBLAS's own second thread made a reference-size GEMM only
 * ~1.3× faster, while two single-threaded GEMMs run side by side on two Java threads took 4.1-4.5 ms
 * where the same two took 7.7 one after the other. So a step splits the rows of its critical-path GEMMs
 * between the lanes and runs the weight-gradient GEMMs, which nothing waits for until the update, on the
 * worker while the caller goes on with the backward pass. Every split is fixed, so results do not
 * depend on timing. Elsewhere (CUDA, one core, or more than three cores, where BLAS's own threads
 * are kept) everything runs on the caller's thread as before.
 */
public final class GemmLanes {
    /** Below this many rows a split costs more in hand-over than it saves. */
    private static final int SPLIT_ROWS = 64;
    /**
     * Nor below this many multiply-adds: a TERACON teacher pass over five retention users (150 rows,
     * 1.8 M multiply-adds a convolution) ran slower split, the hand-over outweighing the GEMM.
     */
    private static final long SPLIT_MULTIPLY_ADDS = 1L << 22;
    private static final boolean TWO_LANES = decideTwoLanes();
    /** The worker's queue: a split half goes first (the caller waits for it), background GEMMs last. */
    private static final LinkedBlockingDeque<Runnable> QUEUE = new LinkedBlockingDeque<>();
    /** Set on a thread of its own (TERACON's teacher pass): its GEMMs stay on it and never wait behind the lanes. */
    private static final ThreadLocal<Boolean> INLINE = ThreadLocal.withInitial(() -> false);

    static {
        if (TWO_LANES) {
            Thread worker = new Thread(GemmLanes::work, "teracon-gemm-lane");
            worker.setDaemon(true);
            worker.start();
        }
    }

    static {
        configureBlas(); // the same BLAS threading in the CLI, the window and the tests, so the same floats
    }

    private GemmLanes() {
    }

    private static boolean decideTwoLanes() {
        String backend = Nd4j.getBackend().getClass().getSimpleName().toLowerCase();
        int cores = Runtime.getRuntime().availableProcessors();
        return !backend.contains("cuda") && !backend.contains("jcublas") && cores >= 2 && cores <= 3;
    }

    public static boolean twoLanes() {
        return TWO_LANES;
    }

    /** Marks the calling thread as one whose GEMMs run on itself, unsplit, for the rest of its life. */
    public static void keepOnThisThread() {
        INLINE.set(true);
    }

    /**
     * How many jobs this thread has put {@link #aside} and not yet awaited: while any may hold the worker,
     * this thread's GEMMs run on itself, unsplit, rather than wait behind it. It counts in the caller's
     * program order, not by what the worker is doing, so where a GEMM runs does not depend on timing.
     */
    private static final ThreadLocal<int[]> ASIDE = ThreadLocal.withInitial(() -> new int[1]);

    private static boolean lanes() {
        return TWO_LANES && !INLINE.get() && ASIDE.get()[0] == 0;
    }

    /** BLAS threads for this machine: one per lane with two lanes, otherwise every core. Call before the first GEMM. */
    public static void configureBlas() {
        Nd4j.factory().blas().setMaxThreads(TWO_LANES ? 1 : Runtime.getRuntime().availableProcessors());
    }

    /** A GEMM running on the worker lane. */
    public interface Pending {
        void await();
    }

    private static final Pending DONE = () -> { };

    private static void work() {
        while (true) {
            try {
                QUEUE.takeFirst().run();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** c = alpha·op(a)·op(b) + beta·c, its rows split evenly between the two lanes when it has enough of them. */
    public static void gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta) {
        gemm(a, b, c, transA, transB, alpha, beta, 0.5);
    }

    /**
     * As {@link #gemm(INDArray, INDArray, INDArray, boolean, boolean, double, double)} with the worker
     * taking {@code workerShare} of the rows: less when it has background GEMMs queued.
     */
    public static void gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta,
                            double workerShare) {
        long rows = c.rows();
        long top = Math.round(rows * workerShare);
        long multiplyAdds = rows * c.columns() * (transA ? a.rows() : a.columns());
        if (!lanes() || transA || rows < SPLIT_ROWS || multiplyAdds < SPLIT_MULTIPLY_ADDS || top <= 0 || top >= rows) {
            Nd4j.gemm(a, b, c, transA, transB, alpha, beta);
            return;
        }
        INDArray aTop = a.get(NDArrayIndex.interval(0, top), NDArrayIndex.all());
        INDArray cTop = c.get(NDArrayIndex.interval(0, top), NDArrayIndex.all());
        Pending first = submit(() -> Nd4j.gemm(aTop, b, cTop, false, transB, alpha, beta), true);
        Nd4j.gemm(a.get(NDArrayIndex.interval(top, rows), NDArrayIndex.all()), b,
                c.get(NDArrayIndex.interval(top, rows), NDArrayIndex.all()), false, transB, alpha, beta);
        first.await();
    }

    /** Starts c = alpha·op(a)·op(b) + beta·c on the worker lane behind any split half (on the caller's thread without one). */
    public static Pending later(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta) {
        if (!lanes()) {
            Nd4j.gemm(a, b, c, transA, transB, alpha, beta);
            return DONE;
        }
        return submit(() -> Nd4j.gemm(a, b, c, transA, transB, alpha, beta), false);
    }

    /** Any work on the worker lane behind what is queued there (on the caller's thread without one). */
    public static Pending background(Runnable work) {
        if (!lanes()) {
            work.run();
            return DONE;
        }
        return submit(work, false);
    }

    /**
     * Work that takes the worker lane for a while (TERACON's retention term beside the task's loss): until
     * the returned job is awaited, this thread's GEMMs run on this thread instead of queueing behind it
     * (on the caller's thread without a worker).
     */
    public static Pending aside(Runnable work) {
        if (!lanes()) {
            work.run();
            return DONE;
        }
        int[] count = ASIDE.get();
        count[0]++;
        Pending running = submit(work, false);
        boolean[] awaited = {false};
        return () -> {
            try {
                running.await();
            } finally {
                if (!awaited[0]) {
                    awaited[0] = true;
                    count[0]--;
                }
            }
        };
    }

    private static Pending submit(Runnable gemm, boolean first) {
        FutureTask<Void> task = new FutureTask<>(gemm, null);
        if (first) QUEUE.addFirst(task);
        else QUEUE.addLast(task);
        return () -> Uninterruptibly.await(task, "work on the GEMM worker lane");
    }
}
