package org.teracon.workbench.experiment;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One run of a grid (a comparison, a study, a seed group): its label in progress and summaries, its
 * final run folder, what it trains, and where its FWT reference cache lives.
 *
 * @param referenceCache the {@code .sinmo-reference} folder shared with the runs beside it; null = no FWT reference
 * @param force          replace a run already in {@code dir} (its own files only, see OutputGuard)
 */
public record GridRun(String label, Path dir, ExperimentConfig config, Path referenceCache, boolean force) {

    public GridRun {
        Objects.requireNonNull(dir);
        Objects.requireNonNull(config);
        if (label == null || label.isBlank()) throw new IllegalArgumentException("each run of a grid needs a non-empty name");
    }

    public boolean isReferenceMethod() {
        return SingleTaskReference.METHOD.equalsIgnoreCase(config.method());
    }

    public GridRun forced() {
        return new GridRun(label, dir, config, referenceCache, true);
    }

    /** A result for a run that never produced a results.json (it failed around the training, or was not started). */
    public RunResult unfinished(RunStatus status, String message) {
        return new RunResult(label, config, status, message, "", null, java.util.List.of(), java.util.List.of(), null,
                java.util.List.of(), java.util.List.of(), java.util.List.of(), Double.NaN, java.util.List.of());
    }
}
