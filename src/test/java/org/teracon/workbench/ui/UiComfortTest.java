package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.app.LiveEngine;
import org.teracon.workbench.method.teracon.TeraconSettings;
import org.teracon.workbench.ui.view.HeatmapView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue #11, platform and comfort: the form remembers its last values; light and dark themes. */
class UiComfortTest extends WorkbenchWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theNextStartFillsTheFormWithTheLastRunsSettingsAndOrder(FxRobot robot) throws Exception {
        TinyExperiment.twoTasks(robot, ctx);
        robot.interact(() -> {
            ctx.form.param(TeraconSettings.ALPHA).setText("0.3");
            ctx.form.seed.setText("99");
        });
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !ctx.history.runs().isEmpty() && !ctx.busy.get());
        assertTrue(Files.isRegularFile(runs.resolve(FormMemory.EXPERIMENT_FILE)), "remembered in the runs folder");

        // a second start of the window on the same runs folder
        WorkbenchContext next = WaitForAsyncUtils.asyncFx(() -> new WorkbenchContext(new LiveEngine(runs), runs, dialogs)).get();
        robot.interact(() -> next.startup(WorkbenchWindow.SAMPLE_DATASET));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> next.dataset.getDataset() != null && !next.form.methods().isEmpty()
                && "99".equals(next.form.seed.textProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.3", next.form.param(TeraconSettings.ALPHA).textProperty().get());
        assertEquals("8", next.form.channels.textProperty().get());
        assertEquals(List.of("next_item", "taste_group"), next.taskOrder.taskOrder(), "the order too, on the same dataset");
    }

    @Test
    void darkThemeSwitchesStylesheetAndHeatmapAndIsRemembered(FxRobot robot) throws Exception {
        TinyExperiment.awaitStartup(ctx);
        var scene = robot.lookup("#runButton").query().getScene();
        assertFalse(scene.getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(FormMemory.Theme.DARK, ctx.theme.get());
        assertTrue(scene.getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
        assertTrue(robot.lookup("#heatmap").queryAs(HeatmapView.class).darkProperty().get(), "the heatmap paints on the dark background");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(runs.resolve(FormMemory.THEME_FILE)));
        assertEquals(FormMemory.Theme.DARK, new FormMemory(runs).theme());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(scene.getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
    }
}
