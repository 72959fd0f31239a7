package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.app.RunEntry;
import org.teracon.workbench.app.StudyOutcome;
import org.teracon.workbench.experiment.ExperimentFiles;
import org.teracon.workbench.experiment.ResultTable;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Tiny studies through the studies tab, against the real engine: each kind completes, and a cancel. */
class UiStudyTest extends WorkbenchWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
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
            assertEquals((row[0] - row[1]) / row[0] * 100, row[2], 1e-9, "a loss reads as a positive degradation");
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
        assertEquals(Files.readString(o.folder().resolve("study.csv")), Files.readString(csv), "and the study folder's file");
        dialogs.answers.add(exports);
        robot.clickOn("#studyLatexButton");
        Path tex = exports.resolve(org.teracon.workbench.ui.export.Exports.slug(t.title()) + ".tex");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(tex));
        assertEquals(Files.readString(o.folder().resolve("study.tex")), Files.readString(tex), "the study folder's LaTeX table");
        assertTrue(Files.readString(tex).contains("without noise & with noise & degradation \\%"));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    /**
     * The Seeds field applies to the study buttons too: a noisy study over two seeds runs once per seed into
     * seed-<s>/ of the study folder, and its table reads mean ± std (n) per cell; the means are the per-seed
     * tables' means, and the exports are the seed table's.
     */
    @Test
    void aStudyOverTwoSeedsShowsMeanAndStdPerCell(FxRobot robot) throws Exception {
        TinyExperiment.twoTasks(robot, ctx);
        robot.interact(() -> ctx.form.seeds.setText("2"));
        long first = ctx.currentExperiment().seed();
        openStudies(robot);
        robot.clickOn("#noisyStudyButton");
        StudyOutcome o = awaitOutcome(180);

        assertNotNull(o.table(), o.summary());
        assertNotNull(o.seedTable(), "two seeds make a seed table");
        assertEquals(List.of(first, first + 1), o.seedTable().seeds());
        assertEquals(4, o.results().size(), "two runs per seed: " + o.results().keySet());
        assertTrue(o.results().keySet().stream().allMatch(k -> k.startsWith("seed-" + first + "/") || k.startsWith("seed-" + (first + 1) + "/")),
                o.results().keySet().toString());
        for (long s : List.of(first, first + 1)) assertTrue(Files.isDirectory(o.folder().resolve("seed-" + s)), "seed-" + s);
        ResultTable t = o.table();
        for (int r = 0; r < t.rows().size(); r++) {
            for (int c = 0; c < t.columns().size(); c++) {
                double[] perSeed = o.seedTable().samples(t.rows().get(r), t.columns().get(c));
                assertEquals((perSeed[0] + perSeed[1]) / 2, t.values()[r][c], 1e-12, "the table holds the means");
            }
        }
        TableView<?> table = robot.lookup("#studyTable").queryAs(TableView.class);
        assertEquals(t.rows().size(), table.getItems().size());
        @SuppressWarnings("unchecked")
        TableColumn<Object, String> withNoise = (TableColumn<Object, String>) table.getColumns().get(2);
        String cell = withNoise.getCellObservableValue(table.getItems().get(0)).getValue();
        assertTrue(cell.contains("±") && cell.endsWith("(2)"), "mean ± std (n) on screen: " + cell);
        assertTrue(robot.lookup("#studyTitle").queryAs(Label.class).getText().contains("over seeds [" + first + ", " + (first + 1) + "]"));
        assertTrue(Files.readString(o.folder().resolve("study.md")).contains("mean ± std (n) over seeds"));

        dialogs.answers.add(exports);
        robot.clickOn("#studyCsvButton");
        Path csv = exports.resolve(org.teracon.workbench.ui.export.Exports.slug(t.title()) + ".csv");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(csv));
        assertEquals(Files.readString(o.folder().resolve("study.csv")), Files.readString(csv), "the seed table's CSV, as in the study folder");
        assertEquals(o.seedTable().csv(), Files.readString(csv));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    /**
     * Issue #11 problem 8: the dataset's own noisy task is the experiment's noisy task; the position spinners
     * follow it when it moves, and the study takes the experiment's position unless its own box is ticked.
     */
    @Test
    void theDatasetsNoisyTaskIsTheOneNoisyTaskAndTheStudyTakesTheExperimentsPosition(FxRobot robot) throws Exception {
        TinyExperiment.twoTasks(robot, ctx);
        robot.interact(() -> ctx.taskOrder.items().stream().filter(i -> i.name().equals("noise"))
                .forEach(i -> i.includedProperty().set(true)));
        assertEquals(List.of("next_item", "taste_group", "noise"), ctx.currentExperiment().taskOrder());
        assertEquals(3, ctx.taskOrder.noisyPositionProperty().get(), "the spinner follows the dataset's noisy task");
        int noiseIndex = indexOf("noise");
        robot.interact(() -> ctx.taskOrder.move(noiseIndex, 1));
        assertEquals(2, ctx.taskOrder.noisyPositionProperty().get(), "and follows it when it is moved");
        robot.interact(() -> ctx.taskOrder.noisyPositionProperty().set(3));
        assertEquals(List.of("next_item", "taste_group", "noise"), ctx.currentExperiment().taskOrder(), "typing a position moves it");

        openStudies(robot);
        javafx.scene.control.Spinner<?> studySpinner = robot.lookup("#noisyPositionSpinner").queryAs(javafx.scene.control.Spinner.class);
        assertEquals(3, studySpinner.getValue(), "the study shows the experiment's position");
        assertTrue(studySpinner.isDisabled());
        assertEquals("from the Experiment tab", robot.lookup("#noisySource").queryAs(javafx.scene.control.Label.class).getText());

        robot.interact(() -> ctx.taskOrder.noisyPositionProperty().set(2));
        robot.clickOn("#noisyStudyButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> ctx.study.outcomeProperty().get() != null);
        StudyOutcome o = ctx.study.outcomeProperty().get();
        assertNotNull(o.table(), o.summary());
        assertEquals(List.of("next_item", "taste_group"), ExperimentFiles.read(o.folder().resolve("without-noise/experiment.json")).taskOrder());
        assertEquals(List.of("next_item", "noise", "taste_group"), ExperimentFiles.read(o.folder().resolve("with-noise/experiment.json")).taskOrder(),
                "the dataset's own noisy task at the experiment's position, no generated one beside it");
        assertNull(ExperimentFiles.read(o.folder().resolve("with-noise/experiment.json")).noisyTask());

        robot.clickOn("#ownNoisyPosition");
        assertFalse(studySpinner.isDisabled());
        assertEquals("this study's own position", robot.lookup("#noisySource").queryAs(javafx.scene.control.Label.class).getText());
    }

    private int indexOf(String task) {
        for (int i = 0; i < ctx.taskOrder.items().size(); i++) if (ctx.taskOrder.items().get(i).name().equals(task)) return i;
        throw new AssertionError(task);
    }

    @Test
    void orderStudyCompletesAndFillsItsTable(FxRobot robot) throws Exception {
        TinyExperiment.twoTasks(robot, ctx);
        // The GUI refuses an order study with fewer than two tasks after T1: nothing to reorder.
        robot.interact(() -> ctx.taskOrder.items().stream().filter(i -> i.name().equals("side_group"))
                .forEach(i -> i.includedProperty().set(true)));
        assertEquals(List.of("next_item", "taste_group", "side_group"), ctx.currentExperiment().taskOrder());
        openStudies(robot);
        // One random order on top of original and reversed keeps it to three runs.
        robot.interact(() -> robot.lookup("#permutationsField").queryAs(javafx.scene.control.TextField.class).setText("1"));
        robot.clickOn("#orderStudyButton");
        StudyOutcome o = awaitOutcome(120);

        assertNotNull(o.table(), o.summary());
        ResultTable t = o.table();
        assertEquals(List.of("next_item (MRR@5, robust)", "side_group (accuracy, robust)", "taste_group (accuracy, robust)", "mean BWT"), t.columns());
        assertEquals(3, t.rows().size(), "original, reversed and one random order: " + t.rows());
        assertTrue(t.rows().contains("original (next_item>taste_group>side_group)"), t.rows().toString());
        assertTrue(t.rows().contains("reversed (next_item>side_group>taste_group)"), t.rows().toString());
        for (double[] row : t.values()) {
            for (int c = 0; c < 4; c++) assertFalse(Double.isNaN(row[c]), "every order scored every task, and has a BWT");
        }
        assertShown(robot, t, o, "-order-study");
    }

    @Test
    void samplingStudyCompletesAndFillsItsTable(FxRobot robot) throws Exception {
        TinyExperiment.twoTasks(robot, ctx);
        openStudies(robot);
        robot.clickOn("#samplingStudyButton");
        StudyOutcome o = awaitOutcome(120);

        assertNotNull(o.table(), o.summary());
        ResultTable t = o.table();
        assertEquals(List.of("next_item (MRR@5, robust)", "taste_group (accuracy, robust)", "s/epoch (T2..)", "mean rho"), t.columns());
        assertEquals(List.of("rho_min", "equation", "all"), t.rows());
        for (double[] row : t.values()) {
            assertFalse(Double.isNaN(row[0]) || Double.isNaN(row[1]), "every sampling mode scored every task");
            assertTrue(row[3] > 0 && row[3] <= 1, "ρ is a rate: " + row[3]);
        }
        assertEquals(1.0, t.values()[2][3], 1e-9, "sampling all users means ρ = 1");
        assertShown(robot, t, o, "-sampling-study");
    }

    @Test
    void escapeCancelsARunningStudyAndLeavesTheWindowUsable(FxRobot robot) throws Exception {
        startLongStudy(robot);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertCancelledAndUsable(robot);
    }

    @Test
    void cancelButtonCancelsARunningStudyAndLeavesTheWindowUsable(FxRobot robot) throws Exception {
        startLongStudy(robot);
        robot.clickOn("#cancelStudyButton");
        assertCancelledAndUsable(robot);
    }

    /** A sampling study far too long to end by itself within the test, caught in its first run. */
    private void startLongStudy(FxRobot robot) throws Exception {
        TinyExperiment.twoTasks(robot, ctx);
        robot.interact(() -> {
            ctx.form.epochsFirst.setText("200");
            ctx.form.epochs.setText("200");
        });
        openStudies(robot);
        robot.clickOn("#samplingStudyButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> ctx.study.isRunning()
                && ctx.study.progressTextProperty().get().startsWith("Run 1 of 3")).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#samplingStudyButton").queryAs(Button.class).isDisabled(), "no second study while one runs");
    }

    private void assertCancelledAndUsable(FxRobot robot) throws Exception {
        StudyOutcome o = awaitOutcome(60);
        assertTrue(o.cancelled(), o.summary());
        assertEquals(null, o.table(), "a cancelled study has no table");
        assertTrue(o.summary().contains("cancelled"), o.summary());

        TableView<?> table = robot.lookup("#studyTable").queryAs(TableView.class);
        assertTrue(table.getItems().isEmpty() && table.getColumns().isEmpty(), "no table on screen");
        assertEquals("Result table", robot.lookup("#studyTitle").queryAs(Label.class).getText());
        assertEquals(o.summary(), robot.lookup("#studyStatus").queryAs(Label.class).getText(), "the message is on screen");
        assertTrue(robot.lookup("#studyCsvButton").queryAs(Button.class).isDisabled(), "nothing to export");
        // A cancel the user asked for is not an error.
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertEquals("", ctx.status.errorProperty().get());

        // Usable again: not busy, the study and run buttons are enabled, and the keyboard still works.
        assertFalse(ctx.busy.get());
        assertTrue(robot.lookup("#cancelStudyButton").queryAs(Button.class).isDisabled());
        for (String id : List.of("#orderStudyButton", "#noisyStudyButton", "#samplingStudyButton", "#runButton")) {
            assertFalse(robot.lookup(id).queryAs(Button.class).isDisabled(), id + " is enabled again");
        }
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertEquals(1, tabs.getSelectionModel().getSelectedIndex(), "Ctrl+2 opens the Experiment tab");
    }

    private static void openStudies(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private StudyOutcome awaitOutcome(int seconds) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                    () -> !dialogs.errors.isEmpty() || !ctx.study.isRunning() && ctx.study.outcomeProperty().get() != null).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no study outcome; study: " + ctx.study.statusProperty().get() + " | "
                    + ctx.study.progressTextProperty().get() + "; status bar: " + ctx.status.messageProperty().get()
                    + " " + ctx.status.errorProperty().get() + "; errors " + dialogs.errors, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        return ctx.study.outcomeProperty().get();
    }

    /** The table on screen is the engine's, and the study folder holds it. */
    private void assertShown(FxRobot robot, ResultTable t, StudyOutcome o, String folderSuffix) {
        TableView<?> table = robot.lookup("#studyTable").queryAs(TableView.class);
        assertEquals(t.rows().size(), table.getItems().size());
        assertEquals(t.columns().size() + 1, table.getColumns().size(), "a row-header column plus one per value");
        assertTrue(o.folder().startsWith(runs) && o.folder().getFileName().toString().endsWith(folderSuffix), o.folder().toString());
        assertTrue(Files.isRegularFile(o.folder().resolve("study.csv")));
        assertFalse(robot.lookup("#studyCsvButton").queryAs(Button.class).isDisabled());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
