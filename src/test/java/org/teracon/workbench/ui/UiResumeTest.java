package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.teracon.workbench.app.Experiments;
import org.teracon.workbench.app.RunEntry;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.RunEvent;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.model.BackboneConfig;

/** Issue #10: History offers Resume on a cancelled run with a checkpoint, and the resumed run completes. */
class UiResumeTest extends WorkbenchWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static ExperimentConfig tiny() {
        return ExperimentConfig.defaults("sample-datasets/synthetic").withMethod("sinmoall")
                .withBackbone(new BackboneConfig(8, 3, List.of(1)))
                .withTraining(new TrainingConfig(1, 1, 1, 32, 32, 3e-3, 3e-3, 256))
                .withTaskOrder(List.of("next_item", "taste_group"));
    }

    @Test
    void historyResumesACancelledRunToCompletion(FxRobot robot) throws Exception {
        TinyExperiment.awaitStartup(ctx);
        Path cancelledDir = runs.resolve("cancelled-run");
        CancellationToken cancel = new CancellationToken();
        RunResult cancelled = Experiments.run(tiny(), cancelledDir, e -> {
            if (e instanceof RunEvent.TaskStarted t && t.stage() == 1) cancel.cancel(); // stop in the second task
        }, cancel, Experiments.Reference.NONE);
        assertEquals(RunStatus.CANCELLED, cancelled.status(), cancelled.message());
        RunResult done = Experiments.run(tiny(), runs.resolve("completed-run"), e -> { }, new CancellationToken(), Experiments.Reference.NONE);
        assertEquals(RunStatus.COMPLETED, done.status());

        robot.interact(() -> ctx.history.refresh());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ctx.history.runs().size() >= 2);
        RunEntry cancelledEntry = ctx.history.runs().stream().filter(r -> r.dir().equals(cancelledDir)).findFirst().orElseThrow();
        RunEntry completedEntry = ctx.history.runs().stream().filter(r -> !r.dir().equals(cancelledDir)).findFirst().orElseThrow();
        assertTrue(ctx.history.canResume(cancelledEntry), "a cancelled run with a checkpoint can be resumed");
        assertFalse(ctx.history.canResume(completedEntry), "a completed run cannot");

        @SuppressWarnings("unchecked")
        TableView<RunEntry> table = robot.lookup("#runTable").queryAs(TableView.class);
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(cancelledEntry);
        });
        Button resume = robot.lookup("#resumeButton").queryAs(Button.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(resume.isDisabled(), "Resume is offered for the cancelled run");
        robot.interact(resume::fire);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> ctx.run.lastStatusProperty().get() == RunStatus.COMPLETED && !ctx.busy.get());
        String results = Files.readString(cancelledDir.resolve("results.json"));
        assertTrue(results.contains("\"status\" : \"COMPLETED\""), results);
        assertEquals(2, ctx.run.matrixRows().size(), "both tasks evaluated after the resumed run");

        robot.interact(() -> table.getSelectionModel().select(completedEntry));
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(completedEntry);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(resume.isDisabled(), "no Resume for a completed run");
    }
}
