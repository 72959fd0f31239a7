package org.teracon.workbench.model;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.memory.deallocation.DeallocatableReference;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What ND4J's ordinary (non-workspace) arrays hold in native memory, and handing freed native memory back
 * to the operating system. On the CPU backend these buffers are allocated inside libnd4j: neither javacpp's
 * {@code Pointer.totalBytes()} nor ND4J's allocation tracker counts them; the only registry that sees every
 * one is ND4J's deallocator service, which keeps a weak reference per buffer until the buffer is freed. Both
 * helpers reach private members of the pinned ND4J 1.0.0-M2.1 / javacpp 1.5.7 through reflection and fall
 * back (-1, false) when a later version renames them, so a measurement can be missing but never wrong.
 */
public final class NativeMemory {

    /** Live ND4J data buffers (one per array that owns memory; views share their owner's) and their bytes. */
    public record LiveArrays(int count, long bytes) {
        public static final LiveArrays UNKNOWN = new LiveArrays(-1, -1);
    }

    private static final long DEALLOCATION_WAIT_MS = 200;

    private NativeMemory() {
    }

    /**
     * A full collection, then waits (at most 0.2 s: it runs at every stage end, and a test suite has hundreds of them) until ND4J's deallocator threads have freed the buffers of
     * every array that died, so what follows sees only what is still referenced.
     */
    public static void collect() {
        System.gc();
        Map<String, DeallocatableReference> refs = references();
        if (refs == null) return;
        long until = System.currentTimeMillis() + DEALLOCATION_WAIT_MS;
        while (System.currentTimeMillis() < until && refs.values().stream().anyMatch(r -> r.get() == null)) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The ND4J buffers alive right now (call {@link #collect()} first to leave garbage out). */
    public static LiveArrays live() {
        Map<String, DeallocatableReference> refs = references();
        if (refs == null) return LiveArrays.UNKNOWN;
        int count = 0;
        long bytes = 0;
        for (DeallocatableReference r : refs.values()) {
            if (r.get() instanceof DataBuffer b && !b.isAttached()) {
                count++;
                bytes += b.length() * b.getElementSize();
            }
        }
        return new LiveArrays(count, bytes);
    }

    /**
     * glibc's malloc_trim(0), through javacpp: the C allocator keeps memory freed by a destroyed workspace or
     * collected arrays in its arenas, so the resident size never comes down by itself. Measured on TERACON,
     * ML-100K: after the trim the size at the end of each stage was flat (286-299 MiB) where it had grown
     * 348 → 427 MiB. False where it could not run (another OS or javacpp version).
     */
    public static boolean trim() {
        try {
            Method m = Pointer.class.getDeclaredMethod("trimMemory");
            m.setAccessible(true);
            return (Boolean) m.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** The deallocator service's registry, a ConcurrentHashMap: safe to read while its threads remove entries. */
    @SuppressWarnings("unchecked")
    private static Map<String, DeallocatableReference> references() {
        try {
            Object service = Nd4j.getDeallocatorService();
            Field f = service.getClass().getDeclaredField("referenceMap");
            f.setAccessible(true);
            return (Map<String, DeallocatableReference>) f.get(service);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
