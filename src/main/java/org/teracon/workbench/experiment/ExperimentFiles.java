package org.teracon.workbench.experiment;

import java.nio.file.Path;

/** experiment.json: the one file format the CLI and the GUI both read and write. */
public final class ExperimentFiles {
    private ExperimentFiles() {
    }

    public static ExperimentConfig read(Path file) {
        return Json.read(file, ExperimentConfig.class);
    }

    public static void write(ExperimentConfig config, Path file) {
        AtomicFiles.writeString(file, Json.write(config));
    }
}
