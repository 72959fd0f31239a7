package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.app.RunEntry;
import org.teracon.workbench.experiment.RunInfo;
import org.teracon.workbench.experiment.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue #11, ranked problem 1: every run view says which run it shows, live and reopened. */
class UiRunHeaderTest extends WorkbenchWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theHeaderNamesRunMethodDatasetSeedStatusAndScoringLiveAndReopened(FxRobot robot) throws Exception {
        TinyExperiment.twoTasks(robot, ctx);
        Label title = robot.lookup("#runHeaderTitle").queryAs(Label.class);
        Label scoring = robot.lookup("#runHeaderScoring").queryAs(Label.class);
        assertTrue(title.getText().startsWith("No run yet"), title.getText());

        robot.clickOn("2 Experiment");
        robot.clickOn("#runNameField").write("order baseline");
        robot.clickOn("#runTagsField").write("paper, order");
        robot.interact(() -> ctx.form.seed.setText("7"));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> ctx.history.runs().size() == 1 && ctx.history.runs().get(0).status() == RunStatus.COMPLETED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("order baseline · teracon on synthetic · seed 7 · completed", title.getText());
        assertTrue(scoring.getText().startsWith("protocol: robust — "), scoring.getText());
        assertTrue(scoring.getText().contains("next_item") && scoring.getText().contains("taste_group"), scoring.getText());

        RunEntry e = ctx.history.runs().get(0);
        assertEquals("order baseline", e.name());
        assertEquals(List.of("paper", "order"), RunInfo.read(e.dir()).tags());

        // a reopened run shows the same header, not the form's current name
        robot.interact(() -> ctx.form.runName.setText("something else"));
        robot.clickOn("4 History & compare");
        robot.interact(() -> robot.lookup("#runTable").queryTableView().getSelectionModel().select(0));
        robot.clickOn("#openButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ctx.run.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("order baseline · teracon on synthetic · seed 7 · completed", title.getText());
    }
}
