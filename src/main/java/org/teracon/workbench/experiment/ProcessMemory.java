package org.teracon.workbench.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;

/**
 * The process's resident memory now and its peak. On Linux both come from the kernel (/proc/self/status:
 * VmRSS, and VmHWM, the high-water mark since the process started or since {@link #resetPeak()}, which the
 * benchmark calls when a stage starts so each stage shows its own peak). Elsewhere javacpp's reading of
 * the process's physical size stands in for both, and the peak is only the highest value read here.
 */
public record ProcessMemory(long rssBytes, long peakRssBytes) {

    public static final String PROC_SOURCE = "/proc/self/status (VmRSS now, VmHWM = peak since the stage started, "
            + "reset through /proc/self/clear_refs; where that is refused, the process-lifetime peak)";
    public static final String FALLBACK_SOURCE = "javacpp Pointer.physicalBytes() (no /proc/self/status on this OS; "
            + "peak = highest value read at the end of a stage)";

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final AtomicLong SEEN_PEAK = new AtomicLong();

    /** Which of the two readings {@link #read()} uses on this machine. */
    public static String source() {
        return Files.isReadable(STATUS) ? PROC_SOURCE : FALLBACK_SOURCE;
    }

    public static ProcessMemory read() {
        if (Files.isReadable(STATUS)) {
            try {
                return parseProcStatus(Files.readString(STATUS));
            } catch (IOException | IllegalArgumentException e) {
                // an unreadable or unexpected status file is no reason to lose the benchmark: use the fallback
            }
        }
        long now = Pointer.physicalBytes();
        return new ProcessMemory(now, SEEN_PEAK.accumulateAndGet(now, Math::max));
    }

    /**
     * Starts a new peak: on Linux writing 5 to /proc/self/clear_refs resets VmHWM to the current size
     * (it touches nothing else). False where that is not allowed; the peak then keeps counting from start.
     */
    public static boolean resetPeak() {
        SEEN_PEAK.set(0);
        if (!Files.isWritable(CLEAR_REFS)) return false;
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** VmRSS and VmHWM from the text of /proc/[pid]/status (values in kB). */
    public static ProcessMemory parseProcStatus(String status) {
        return new ProcessMemory(kiloBytes(status, "VmRSS"), kiloBytes(status, "VmHWM"));
    }

    private static long kiloBytes(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key + ":")) {
                String[] parts = line.substring(key.length() + 1).trim().split("\\s+");
                if (parts.length == 2 && parts[1].equals("kB")) return Long.parseLong(parts[0]) * 1024;
            }
        }
        throw new IllegalArgumentException("no '" + key + ": <n> kB' line in the process status");
    }
}
