package org.teracon.workbench.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;

/**
 * The process's resident memory now and its peak so far. On Linux both come from the kernel
 * (/proc/self/status: VmRSS, and VmHWM, the high-water mark over the process's whole life, so a
 * later stage can never show a lower peak than an earlier one). Elsewhere javacpp's reading of
 * the process's physical size stands in for both, and the peak is only the highest value read here.
 */
public record ProcessMemory(long rssBytes, long peakRssBytes) {

    public static final String PROC_SOURCE = "/proc/self/status (VmRSS now, VmHWM = process-lifetime peak)";
    public static final String FALLBACK_SOURCE = "javacpp Pointer.physicalBytes() (no /proc/self/status on this OS; "
            + "peak = highest value read at the end of a stage)";

    private static final Path STATUS = Path.of("/proc/self/status");
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
