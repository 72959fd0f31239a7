package org.teracon.workbench.experiment;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.memory.AllocationsTracker;
import org.nd4j.linalg.api.memory.enums.AllocationKind;
import org.teracon.workbench.model.NativeMemory;

/**
 * Where the process's memory sits at the end of a stage, so growth from stage to stage can be pinned on
 * one part: the resident size and the stage's peak ({@link ProcessMemory}), the JVM heap in use after a full
 * collection and what the heap has committed, the bytes ND4J's workspaces hold (ND4J's own tracker, every
 * thread), javacpp's count of the native memory it allocated itself, and the ordinary ND4J arrays still
 * alive (parameters, optimiser state, frozen copies: {@link NativeMemory#live()}), which no counter of
 * ND4J's or javacpp's sees on the CPU backend.
 *
 * @param residualBytes resident size less all the above: native libraries, thread stacks, JIT code and
 *                      freed memory the C allocator kept
 */
public record StageMemory(long rssBytes, long peakRssBytes, long heapUsedAfterGcBytes, long heapCommittedBytes,
                          long workspaceBytes, long javacppBytes, int liveArrays, long liveArrayBytes, long residualBytes) {

    /** For a stage that was never measured. */
    public static final StageMemory UNKNOWN = new StageMemory(-1, -1, -1, -1, -1, -1, -1, -1, -1);

    /**
     * Collects garbage first and waits for ND4J's deallocator threads to free the native buffers of the
     * arrays that died, so the figures are what the run still holds, not what it has not yet freed.
     * Costs a full GC: for measurements, not for every step.
     */
    public static StageMemory measure() {
        NativeMemory.collect();
        NativeMemory.LiveArrays arrays = NativeMemory.live();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        ProcessMemory p = ProcessMemory.read();
        long workspaces = AllocationsTracker.getInstance().bytesOnDevice(AllocationKind.WORKSPACE, 0);
        long javacpp = Pointer.totalBytes();
        return new StageMemory(p.rssBytes(), p.peakRssBytes(), heap.getUsed(), heap.getCommitted(), workspaces, javacpp,
                arrays.count(), arrays.bytes(), p.rssBytes() - heap.getCommitted() - workspaces - javacpp - Math.max(0, arrays.bytes()));
    }
}
