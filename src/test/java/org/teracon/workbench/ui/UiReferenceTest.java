package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.TransferScores;
import org.teracon.workbench.ui.vm.TransferCells;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue #11: a blank FWT column explains itself and offers to train the SinMo reference for that setting. */
class UiReferenceTest extends WorkbenchWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void trainingTheReferenceFillsTheFwtOfTheRunItWasTrainedFor(FxRobot robot) throws Exception {
        TinyExperiment.twoTasks(robot, ctx);
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> ctx.history.runs().size() == 1 && !ctx.busy.get());
        WaitForAsyncUtils.waitForFxEvents();
        String runId = ctx.run.resultProperty().get().runId();
        TransferScores.Row second = ctx.run.transferRows().get(1);
        assertEquals(TransferCells.NO_REFERENCE, ctx.run.fwtCell(second));
        robot.clickOn("3 Run views");
        robot.clickOn("BWT / FWT");
        assertTrue(robot.lookup("#trainReferenceButton").query().getParent().isVisible(), "offered while FWT is blank");

        robot.clickOn("#trainReferenceButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> ctx.history.runs().size() == 2 && !ctx.busy.get()
                && ctx.run.resultProperty().get() != null && ctx.run.resultProperty().get().runId().equals(runId));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ctx.history.runs().stream().anyMatch(e -> e.method().equals("sinmo") && e.status() == RunStatus.COMPLETED
                && e.name().startsWith("SinMo reference · ")), "the reference run is in the history, named for what it is");
        TransferScores.Row filled = ctx.run.transferRows().get(1);
        assertFalse(Double.isNaN(filled.fwt()), "the reopened run now has FWT");
        assertEquals((filled.learned() - filled.reference()) / filled.reference() * 100, filled.fwt(), 1e-9);
        assertFalse(robot.lookup("#trainReferenceButton").query().getParent().isVisible(), "no longer offered");
    }
}
