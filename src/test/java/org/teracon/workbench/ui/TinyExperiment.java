package org.teracon.workbench.ui;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Test set-up shared by the window tests: the sample dataset open and a run that takes seconds. */
final class TinyExperiment {
    private TinyExperiment() {
    }

    static void awaitStartup(WorkbenchContext ctx) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ctx.dataset.getDataset() != null && !ctx.form.methods().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** 8 channels, one block, one epoch, tasks next_item + taste_group. */
    static void twoTasks(FxRobot robot, WorkbenchContext ctx) throws Exception {
        awaitStartup(ctx);
        robot.interact(() -> {
            ctx.form.channels.setText("8");
            ctx.form.dilations.setText("1");
            ctx.form.epochsFirst.setText("1");
            ctx.form.epochs.setText("1");
            ctx.form.batchSizeFirst.setText("64");
            ctx.form.batchSize.setText("64");
            ctx.form.methodProperty().set("teracon");
            ctx.taskOrder.items().forEach(i -> i.includedProperty().set(Set.of("next_item", "taste_group").contains(i.name())));
        });
    }
}
