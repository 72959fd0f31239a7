package org.teracon.workbench.model;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scopes for ND4J's memory workspaces. Measured here: a fresh 1 MB array costs 3.5-5 ms (native
 * allocation and deallocator bookkeeping) while an element-wise op over it costs 0.1 ms, so every
 * array a step or an evaluation batch creates comes from a workspace that is reused from one call to
 * the next. Parameters, optimiser state and anything that outlives the scope are made outside it.
 */
public final class Workspaces {
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.3)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private Workspaces() {
    }

    /** The scope of one training step: everything made inside is released when it closes. */
    public static MemoryWorkspace step() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, "teracon-step");
    }

    /** The scope of a TERACON retention pass of its own, inside a step. */
    public static MemoryWorkspace retentionPass() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, "teracon-retention");
    }

    /**
     * The scope of a TERACON retention term on the worker lane (beside the step's own thread, which has
     * the step's workspace open): one per thread, as ND4J's workspaces are.
     */
    public static MemoryWorkspace retentionLane() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, "teracon-retention-lane");
    }

    /** Frees the calling thread's retention-lane workspace (at the end of a stage, on the thread that used it). */
    public static void releaseRetentionLane() {
        destroy("teracon-retention-lane");
    }

    /** Makes the step's workspace the current one again for what must outlive a scope opened inside it. */
    public static MemoryWorkspace borrowStep() {
        return Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(CONFIG, "teracon-step").notifyScopeBorrowed();
    }

    /** The scope of a TERACON teacher pass, on the teacher's own thread. */
    public static MemoryWorkspace teacher() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, "teracon-teacher");
    }

    /** Frees the calling thread's teacher workspace (at the end of a stage, on the teacher's thread). */
    public static void releaseTeacher() {
        destroy("teracon-teacher");
    }

    /** Frees the calling thread's workspace of that name, if it has one. */
    private static void destroy(String id) {
        var manager = Nd4j.getWorkspaceManager();
        if (manager.checkIfWorkspaceExists(id)) manager.destroyWorkspace(manager.getWorkspaceForCurrentThread(id));
    }

    /** The scope of one evaluation batch. */
    public static MemoryWorkspace evaluation() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, "teracon-eval");
    }

    /**
     * Frees this thread's step and evaluation workspaces, collects the arrays that died with the stage
     * (teacher copies, snapshots, optimiser state) and hands the freed native memory back to the OS. Without
     * the collection the resident size grew by ~90 MB a stage; without the trim the C allocator kept what was
     * freed and it still grew ~60 MiB a stage (benchmark, TERACON on ML-100K; README, Memory).
     */
    public static void releaseAfterStage() {
        for (String id : new String[] {"teracon-step", "teracon-eval", "teracon-retention", "teracon-retention-lane"}) destroy(id);
        NativeMemory.collect();
        NativeMemory.trim();
    }

    /** For arrays that must outlive the current scope (optimiser state, new parameters). */
    public static MemoryWorkspace outside() {
        return Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
    }
}
