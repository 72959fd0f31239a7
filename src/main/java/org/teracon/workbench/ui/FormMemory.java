package org.teracon.workbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.ExperimentFiles;

/**
 * What the window remembers between starts: the experiment of the last run or study (as experiment.json)
 * and the theme. Kept in the runs folder, beside the runs they describe, so that a test's or a project's
 * runs folder carries its own; a file that cannot be read is ignored and the defaults are used.
 */
final class FormMemory {
    static final String EXPERIMENT_FILE = ".last-experiment.json";
    static final String THEME_FILE = ".theme";

    private final Path folder;

    FormMemory(Path runsRoot) {
        this.folder = runsRoot;
    }

    /** Called from a background worker: writes the experiment the window just started. */
    void rememberExperiment(ExperimentConfig cfg) {
        if (folder == null) return;
        try {
            Files.createDirectories(folder);
            ExperimentFiles.write(cfg, folder.resolve(EXPERIMENT_FILE));
        } catch (java.io.IOException | RuntimeException e) {
            // Remembering is a comfort: a read-only runs folder must not stop a run.
            System.err.println("note: could not remember the form in " + folder.resolve(EXPERIMENT_FILE) + ": " + e.getMessage());
        }
    }

    Optional<ExperimentConfig> lastExperiment() {
        Path f = folder == null ? null : folder.resolve(EXPERIMENT_FILE);
        if (f == null || !Files.isRegularFile(f)) return Optional.empty();
        try {
            return Optional.of(ExperimentFiles.read(f));
        } catch (RuntimeException e) {
            System.err.println("note: ignoring " + f + " (" + e.getMessage() + "); the form starts from the defaults");
            return Optional.empty();
        }
    }

    void rememberTheme(Theme theme) {
        if (folder == null) return;
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(THEME_FILE), theme.name());
        } catch (java.io.IOException e) {
            System.err.println("note: could not remember the theme: " + e.getMessage());
        }
    }

    Theme theme() {
        Path f = folder == null ? null : folder.resolve(THEME_FILE);
        try {
            return f != null && Files.isRegularFile(f) ? Theme.valueOf(Files.readString(f).strip()) : Theme.LIGHT;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Theme.LIGHT;
        }
    }

    /** Light and dark looks; each has its own stylesheet on top of workbench.css, charts included. */
    enum Theme {
        LIGHT(null), DARK("/styles/dark.css");

        final String stylesheet;

        Theme(String stylesheet) {
            this.stylesheet = stylesheet;
        }
    }
}
