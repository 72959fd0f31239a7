package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.experiment.ResultTable;
import org.teracon.workbench.ui.engine.LiveEngine;
import org.teracon.workbench.ui.engine.RunEntry;
import org.teracon.workbench.ui.vm.StudyOutcome;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A tiny noisy-task study through the studies tab, against the real engine. */
@ExtendWith(ApplicationExtension.class)
class UiStudyTest {
    @TempDir
    Path runs;
    @TempDir
    Path exports;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private WorkbenchContext ctx;

    @Start
    void start(Stage stage) {
        ctx = new WorkbenchContext(new LiveEngine(runs), runs, dialogs);
        WorkbenchWindow.show(stage, ctx, WorkbenchWindow.SAMPLE_DATASET);
    }

    @Test
    void noisyStudyCompletesAndFillsItsTable(FxRobot robot) throws Exception {
        TinyExperiment.twoTasks(robot, ctx);
        assertEquals(List.of("next_item", "taste_group"), ctx.currentExperiment().taskOrder());
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT5)
                .release(javafx.scene.input.KeyCode.DIGIT5, javafx.scene.input.KeyCode.CONTROL);
        robot.clickOn("#noisyStudyButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> ctx.study.outcomeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        StudyOutcome o = ctx.study.outcomeProperty().get();
        assertNotNull(o.table(), o.summary());
        ResultTable t = o.table();
        assertEquals(List.of("without noise", "with noise", "degradation %"), t.columns());
        assertEquals(2, t.rows().size(), "one row per real task");
        for (double[] row : t.values()) {
            assertFalse(Double.isNaN(row[0]) || Double.isNaN(row[1]), "both runs scored every task");
            assertEquals((row[1] - row[0]) / row[0] * 100, row[2], 1e-9);
        }
        TableView<?> table = robot.lookup("#studyTable").queryAs(TableView.class);
        assertEquals(2, table.getItems().size());
        assertEquals(4, table.getColumns().size());
        assertTrue(o.folder().startsWith(runs) && o.folder().getFileName().toString().endsWith("-noisy-study"));
        assertTrue(Files.isRegularFile(o.folder().resolve("study.csv")));

        // Both runs are in the history, under their study folder.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ctx.history.runs().size() == 2);
        List<String> ids = ctx.history.runs().stream().map(RunEntry::runId).toList();
        assertTrue(ids.stream().allMatch(id -> id.startsWith(o.folder().getFileName() + "/")), ids.toString());

        dialogs.answers.add(exports);
        robot.clickOn("#studyCsvButton");
        Path csv = exports.resolve(org.teracon.workbench.ui.export.Exports.slug(t.title()) + ".csv");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(csv));
        assertEquals(t.csv(), Files.readString(csv), "the CSV is the engine's table, not the rounded cells");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
