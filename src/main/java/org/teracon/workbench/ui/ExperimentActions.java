package org.teracon.workbench.ui;

import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.ExperimentFiles;
import org.teracon.workbench.ui.engine.Background;

/** Save / load experiment.json (shared by the menu and the experiment tab); file IO in the background. */
final class ExperimentActions {
    private ExperimentActions() {
    }

    static void save(WorkbenchContext ctx) {
        ExperimentConfig cfg;
        try {
            cfg = ctx.currentExperiment();
        } catch (IllegalArgumentException e) {
            ctx.error("Cannot save experiment", e.getMessage());
            return;
        }
        ctx.dialogs().chooseSaveFile("Save experiment", "experiment.json", "Experiment (JSON)", "json").ifPresent(file ->
                Background.submit(() -> {
                    ExperimentFiles.write(cfg, file);
                    return file;
                }, f -> ctx.status.info("Saved " + f), t -> ctx.error("Cannot save experiment", Background.describe(t))));
    }

    static void load(WorkbenchContext ctx) {
        ctx.dialogs().chooseOpenFile("Load experiment", "Experiment (JSON)", "json").ifPresent(file ->
                Background.submit(() -> ExperimentFiles.read(file), cfg -> {
                    ctx.loadExperiment(cfg);
                    ctx.status.info("Loaded " + file);
                }, t -> ctx.error("Cannot load experiment", Background.describe(t))));
    }
}
