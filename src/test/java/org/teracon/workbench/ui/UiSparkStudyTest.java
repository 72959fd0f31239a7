package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.app.LiveEngine;
import org.teracon.workbench.app.StudyOutcome;
import org.teracon.workbench.experiment.GridExecutor;
import org.teracon.workbench.experiment.Json;
import org.teracon.workbench.experiment.ResultTable;
import org.teracon.workbench.ui.vm.GridRunRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #12 in the window: the studies tab's "Run on" choice. A tiny noisy study on Spark's local[2] shows
 * its runs done with their executor and fills the same table, to the last bit, as the same study run here;
 * without Spark on the classpath the choice is disabled and says how to get it.
 */
class UiSparkStudyTest extends WorkbenchWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aNoisyStudyOnLocal2ShowsEachRunDoneOnAnExecutorAndEqualsTheLocalStudy(FxRobot robot) throws Exception {
        TinyExperiment.twoTasks(robot, ctx);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#runLocal").queryAs(RadioButton.class).isSelected(), "a study runs here unless asked");
        assertFalse(robot.lookup("#gridBox").query().isVisible(), "no Spark table for a local study");

        robot.clickOn("#noisyStudyButton");
        StudyOutcome local = awaitOutcome();
        assertEquals("", ctx.study.grid().countsProperty().get(), "a local study sends no grid status");

        robot.clickOn("#runSpark");
        assertTrue(ctx.study.onSparkProperty().get());
        TextField master = robot.lookup("#sparkMasterField").queryAs(TextField.class);
        assertFalse(master.isDisabled());
        robot.interact(() -> master.setText("local[2]"));
        robot.clickOn("#noisyStudyButton");
        StudyOutcome spark = awaitOutcome();

        assertNotNull(spark.table(), spark.summary());
        assertEquals("2 done, 0 running, 0 queued", robot.lookup("#gridCounts").queryAs(Label.class).getText());
        TableView<?> grid = robot.lookup("#gridTable").queryAs(TableView.class);
        assertTrue(robot.lookup("#gridBox").query().isVisible());
        List<GridRunRow> rows = ctx.study.grid().runs();
        assertEquals(2, grid.getItems().size());
        assertEquals(List.of("without-noise", "with-noise"), rows.stream().map(GridRunRow::label).sorted(java.util.Comparator.reverseOrder()).toList());
        for (GridRunRow r : rows) {
            assertEquals("done", r.state(), r.toString());
            assertTrue(r.where().matches("executor driver @ .+"), "local[2]'s executor is the driver: " + r);
        }
        assertTrue(java.nio.file.Files.isRegularFile(spark.folder().resolve("spark-grid.json")), "the Spark path wrote its report");

        // the same seed on Spark: the same table and the same accuracy matrices, value for value
        ResultTable a = local.table();
        ResultTable b = spark.table();
        assertEquals(a.rows(), b.rows());
        assertEquals(a.columns(), b.columns());
        for (int r = 0; r < a.rows().size(); r++) assertArrayEquals(a.values()[r], b.values()[r], a.rows().get(r));
        for (String run : List.of("without-noise", "with-noise")) {
            var x = Json.MAPPER.readTree(local.folder().resolve(run).resolve("results.json").toFile());
            var y = Json.MAPPER.readTree(spark.folder().resolve(run).resolve("results.json").toFile());
            assertEquals(x.path("matrix"), y.path("matrix"), run);
        }
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    /** The desktop jar's case, as an engine that reports no Spark: the choice is off and the CLI's line says why. */
    @Test
    void withoutSparkTheChoiceIsDisabledAndSaysHowToGetIt(FxRobot robot) throws Exception {
        TinyExperiment.awaitStartup(ctx);
        Stage[] stage = new Stage[1];
        WorkbenchContext[] second = new WorkbenchContext[1];
        robot.interact(() -> {
            second[0] = new WorkbenchContext(new NoSpark(new LiveEngine(runs)), runs, dialogs);
            stage[0] = new Stage();
            WorkbenchWindow.show(stage[0], second[0], WorkbenchWindow.SAMPLE_DATASET);
        });
        WorkbenchContext noSpark = second[0];
        try {
            var root = stage[0].getScene().getRoot();
            RadioButton spark = robot.from(root).lookup("#runSpark").queryAs(RadioButton.class);
            assertTrue(spark.isDisabled());
            assertTrue(robot.from(root).lookup("#sparkMasterField").queryAs(TextField.class).isDisabled());
            assertEquals(GridExecutor.SPARK_MISSING, robot.from(root).lookup("#sparkHint").queryAs(Label.class).getText());
            assertTrue(robot.from(root).lookup("#runLocal").queryAs(RadioButton.class).isSelected());
            // even if the choice were forced, the study refuses to start with the same line
            robot.interact(() -> noSpark.study.onSparkProperty().set(true));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, noSpark.study::gridMaster);
            assertEquals(GridExecutor.SPARK_MISSING, e.getMessage());
            assertNull(ctx.study.gridMaster(), "the window with Spark still runs here by default");
        } finally {
            robot.interact(stage[0]::close);
        }
    }

    private StudyOutcome awaitOutcome() throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(ctx.study::isRunning).get());
        try {
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                    () -> !dialogs.errors.isEmpty() || !ctx.study.isRunning() && ctx.study.outcomeProperty().get() != null).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no study outcome: " + ctx.study.statusProperty().get() + " | " + ctx.study.progressTextProperty().get()
                    + "; errors " + dialogs.errors, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        StudyOutcome o = ctx.study.outcomeProperty().get();
        assertNotNull(o.table(), o.summary());
        return o;
    }

    /** The live engine as the desktop jar sees it: everything works except Spark, which is missing. */
    private record NoSpark(LiveEngine live) implements org.teracon.workbench.app.WorkbenchEngine {
        @Override public org.teracon.workbench.data.Dataset loadDataset(Path dir) { return live.loadDataset(dir); }
        @Override public org.teracon.workbench.data.Dataset importMovieLens(Path s, int l, int m, Path t) { return live.importMovieLens(s, l, m, t); }
        @Override public List<String> methodNames() { return live.methodNames(); }
        @Override public String backend() { return live.backend(); }
        @Override public Path newRunDir(org.teracon.workbench.experiment.ExperimentConfig c) { return live.newRunDir(c); }
        @Override public org.teracon.workbench.experiment.RunResult run(org.teracon.workbench.experiment.ExperimentConfig c, Path o,
                org.teracon.workbench.experiment.RunListener l, org.teracon.workbench.experiment.CancellationToken t) { return live.run(c, o, l, t); }
        @Override public Path newStudyDir(String kind) { return live.newStudyDir(kind); }
        @Override public StudyOutcome study(org.teracon.workbench.app.StudyRequest r, Path d, org.teracon.workbench.experiment.BatchRunner.Listener l,
                org.teracon.workbench.experiment.CancellationToken t) { return live.study(r, d, l, t); }
        @Override public List<org.teracon.workbench.app.RunEntry> listRuns() { return live.listRuns(); }
        @Override public org.teracon.workbench.experiment.RunResult loadRun(Path d) { return live.loadRun(d); }
    }
}
