package org.teracon.workbench.ui;

import org.teracon.workbench.app.StudyRequest;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.Studies;

/** Starting a study (shared by the Studies menu and the studies tab's buttons). */
final class StudyActions {
    private StudyActions() {
    }

    static void start(WorkbenchContext ctx, Studies.Kind kind) {
        if (ctx.busy.get()) {
            ctx.error("Cannot start the study", "A run or study is in progress: wait for it or cancel it (Esc).");
            return;
        }
        StudyRequest request;
        String master;
        org.teracon.workbench.experiment.SeedList seeds;
        try {
            ExperimentConfig base = ctx.currentExperiment();
            int permutations = kind == Studies.Kind.ORDER ? ctx.study.permutations() : 0;
            int position = ctx.study.ownNoisyPositionProperty().get() ? ctx.study.noisyPositionProperty().get()
                    : Math.max(2, ctx.taskOrder.noisyPositionProperty().get());
            var noisy = kind == Studies.Kind.NOISY ? ctx.taskOrder.noisySpecAt(position) : null;
            // The experiment's noisy task is the study's: the dataset's own when the order holds it, else a generated one.
            request = new StudyRequest(kind, base, permutations, noisy, kind == Studies.Kind.NOISY ? ctx.taskOrder.datasetNoisyTask() : null);
            master = ctx.study.gridMaster();
            seeds = ctx.form.seedList(); // the Seeds field: one study per seed, the table then mean ± std (n)
        } catch (IllegalArgumentException e) {
            ctx.error("Cannot start the study", e.getMessage());
            return;
        }
        ctx.status.clearError();
        ctx.study.start(request, seeds, master);
        ctx.remember(request.base());
        ctx.showStudies();
    }
}
