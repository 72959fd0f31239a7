package org.teracon.workbench.experiment;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stem every exported file of a run starts with ({@code <stem>-heatmap.svg}): the run's name from
 * {@link RunInfo} when it has one, else its folder's name, made safe for any file system.
 */
public final class RunName {
    private RunName() {
    }

    /** @param runDir the run's folder; may not exist (then its name is the stem) */
    public static String of(Path runDir) {
        RunInfo info = runDir != null && Files.isDirectory(runDir) ? RunInfo.read(runDir) : null;
        String name = info != null && !info.name().isBlank() ? info.name()
                : runDir == null || runDir.getFileName() == null ? "" : runDir.getFileName().toString();
        return sanitise(name);
    }

    /** Letters, digits, '.', '_' and '-' kept; every other run of characters becomes one '-'; "run" if nothing is left. */
    public static String sanitise(String name) {
        String s = name == null ? "" : name.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        return s.isEmpty() ? "run" : s;
    }
}
