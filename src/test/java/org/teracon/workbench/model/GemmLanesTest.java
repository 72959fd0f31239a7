package org.teracon.workbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GemmLanesTest {

    private static INDArray random(long rows, long cols, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, rows, cols).subi(0.5);
    }

    /**
     * Rows computed on either lane are the rows one whole GEMM gives, for every share and both transposes
     * (2000·64·48 multiply-adds: above the size below which nothing is split).
     */
    @Test
    void splitRowsEqualOneGemm() {
        INDArray a = random(2000, 64, 1);
        INDArray b = random(64, 48, 2);
        INDArray bT = b.transpose().dup('c');
        INDArray expected = Nd4j.create(DataType.FLOAT, 2000, 48);
        Nd4j.gemm(a, b, expected, false, false, 1.0, 0.0);
        for (double share : new double[] {0.0, 0.3, 0.4, 0.5, 1.0}) {
            INDArray c = Nd4j.create(DataType.FLOAT, 2000, 48);
            GemmLanes.gemm(a, b, c, false, false, 1.0, 0.0, share);
            assertArrayEquals(expected.data().asFloat(), c.data().asFloat(), 1e-5f, "share " + share);
            INDArray cT = Nd4j.create(DataType.FLOAT, 2000, 48);
            GemmLanes.gemm(a, bT, cT, false, true, 1.0, 0.0, share);
            assertArrayEquals(expected.data().asFloat(), cT.data().asFloat(), 1e-5f, "transposed b, share " + share);
        }
    }

    /** beta = 1 accumulates into the existing values on both lanes. */
    @Test
    void accumulatesWithBetaOne() {
        INDArray a = random(2000, 64, 3);
        INDArray b = random(64, 48, 4);
        INDArray start = random(2000, 48, 5);
        INDArray c = start.dup();
        GemmLanes.gemm(a, b, c, false, false, 1.0, 1.0);
        INDArray expected = start.add(a.mmul(b));
        assertArrayEquals(expected.data().asFloat(), c.data().asFloat(), 1e-5f);
    }

    /**
     * While work put aside holds the worker lane, this thread's split GEMMs and weight-gradient GEMMs run on
     * this thread without waiting for it: the aside work is held until they have returned, and would give up
     * after 10 s, which fails the test.
     */
    @Test
    void gemmsOfAThreadWithWorkAsideDoNotWaitForIt() throws InterruptedException {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        boolean[] gaveUp = {false};
        String[] ranOn = {null};
        GemmLanes.Pending aside = GemmLanes.aside(() -> {
            ranOn[0] = Thread.currentThread().getName();
            if (!GemmLanes.twoLanes()) return; // run inline: nothing to hold
            try {
                gaveUp[0] = !release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        INDArray a = random(2000, 64, 8);
        INDArray b = random(64, 48, 9);
        INDArray c = Nd4j.create(DataType.FLOAT, 2000, 48);
        GemmLanes.gemm(a, b, c, false, false, 1.0, 0.0);
        INDArray d = Nd4j.create(DataType.FLOAT, 64, 48);
        GemmLanes.later(a, c, d, true, false, 1.0, 0.0).await();
        release.countDown();
        aside.await();
        assertTrue(!gaveUp[0], "a GEMM waited for the work put aside");
        assertArrayEquals(a.mmul(b).data().asFloat(), c.data().asFloat(), 1e-5f);
        assertArrayEquals(a.transpose().mmul(c).data().asFloat(), d.data().asFloat(), 1e-3f);
        assertEquals(GemmLanes.twoLanes() ? "teracon-gemm-lane" : Thread.currentThread().getName(), ranOn[0]);
        // awaited: the lanes are shared again, and a GEMM the worker takes still completes
        INDArray e = Nd4j.create(DataType.FLOAT, 64, 48);
        GemmLanes.later(a, c, e, true, false, 1.0, 0.0).await();
        assertArrayEquals(d.data().asFloat(), e.data().asFloat(), 0f);
    }

    /** A weight-gradient GEMM (transposed a) started on the worker lane is complete once awaited. */
    @Test
    void laterIsCompleteWhenAwaited() {
        INDArray a = random(300, 64, 6);
        INDArray b = random(300, 40, 7);
        INDArray expected = a.transpose().mmul(b);
        INDArray c = Nd4j.create(DataType.FLOAT, 64, 40);
        GemmLanes.Pending pending = GemmLanes.later(a, b, c, true, false, 1.0, 0.0);
        pending.await();
        assertArrayEquals(expected.data().asFloat(), c.data().asFloat(), 1e-5f);
    }

    /** A thread that keeps its GEMMs (TERACON's teacher) runs background work itself, never queued behind the lanes. */
    @Test
    void aThreadThatKeepsItsGemmsRunsBackgroundWorkItself() throws Exception {
        Thread[] ranOn = new Thread[2];
        Thread kept = new Thread(() -> {
            GemmLanes.keepOnThisThread();
            GemmLanes.background(() -> ranOn[0] = Thread.currentThread()).await();
        });
        kept.start();
        kept.join();
        assertEquals(kept, ranOn[0]);
        if (GemmLanes.twoLanes()) {
            GemmLanes.background(() -> ranOn[1] = Thread.currentThread()).await();
            assertTrue(ranOn[1] != Thread.currentThread(), "other threads' background work goes to the worker lane");
        }
    }

    /** An interrupted caller still waits for the worker (it writes into the caller's arrays) and keeps its interrupt. */
    @Test
    void anInterruptedAwaitWaitsForTheWorkerAndKeepsTheInterrupt() {
        INDArray a = random(4000, 1024, 8);
        INDArray b = random(4000, 1024, 9);
        INDArray c = Nd4j.create(DataType.FLOAT, 1024, 1024);
        GemmLanes.Pending pending = GemmLanes.later(a, b, c, true, false, 1.0, 0.0);
        Thread.currentThread().interrupt();
        pending.await();
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        INDArray expected = a.transpose().mmul(b);
        assertEquals(0, expected.sub(c).norm1Number().doubleValue() / expected.norm1Number().doubleValue(), 1e-6);
    }
}
