package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.NoisyTaskSpec;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.ui.vm.TaskOrderItem;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/** The researcher's path through the real window, headless (Monocle), against the real engine. */
class UiMainFlowTest extends WorkbenchWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** Service state may only be read on the FX thread. */
    private boolean running() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> ctx.run.isRunning()).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitDataset() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ctx.dataset.getDataset() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Tiny: 8 channels, one block, one epoch per task, so a full run takes seconds on 2 cores. */
    private void tinyConfig(FxRobot robot, int epochs) {
        robot.interact(() -> {
            ctx.form.channels.setText("8");
            ctx.form.dilations.setText("1");
            ctx.form.epochsFirst.setText(Integer.toString(epochs));
            ctx.form.epochs.setText(Integer.toString(epochs));
            ctx.form.batchSizeFirst.setText("64");
            ctx.form.batchSize.setText("64");
            ctx.form.methodProperty().set("teracon");
        });
    }

    @Test
    void opensTheSampleDatasetAtStart(FxRobot robot) throws Exception {
        awaitDataset();
        TableView<?> table = robot.lookup("#taskTable").queryAs(TableView.class);
        assertEquals(ctx.dataset.getDataset().tasks().size(), table.getItems().size());
        assertTrue(table.getItems().size() >= 3);
        assertFalse(ctx.dataset.reportLines().isEmpty(), "the load report is shown");
    }

    @Test
    void dragReordersTasksButT1StaysFirst(FxRobot robot) throws Exception {
        awaitDataset();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<TaskOrderItem> list = robot.lookup("#taskOrderList").queryAs(ListView.class);
        String first = list.getItems().get(0).name();
        String third = list.getItems().get(2).name();
        robot.drag(cell(robot, 2)).dropTo(cell(robot, 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(third, list.getItems().get(1).name(), "dragged task moved up to position 2");
        assertEquals(first, list.getItems().get(0).name());

        robot.drag(cell(robot, 0)).dropTo(cell(robot, 3));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first, list.getItems().get(0).name(), "T1 cannot be dragged");
        assertEquals(third, ctx.taskOrder.taskOrder().get(1));
    }

    private static javafx.scene.Node cell(FxRobot robot, int index) {
        return robot.lookup("#taskOrderList .list-cell").match((javafx.scene.control.ListCell<?> c) -> c.getIndex() == index).query();
    }

    @Test
    void insertsANoisyTaskAtTheChosenPosition(FxRobot robot) throws Exception {
        awaitDataset();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.interact(() -> ctx.taskOrder.noisyPositionProperty().set(3));
        robot.doubleClickOn("#noisyClasses").eraseText(4).write("20");
        robot.clickOn("Insert noisy task");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ctx.taskOrder.items().get(2).isNoisy());
        NoisyTaskSpec spec = ctx.taskOrder.noisyTask();
        assertEquals(new NoisyTaskSpec(3, 0.5, 20), spec);
        ExperimentConfig cfg = ctx.currentExperiment();
        assertFalse(cfg.taskOrder().contains(NoisyTaskSpec.TASK_NAME));
    }

    @Test
    void invalidSIsRefusedWithAMessageAndDisablesRun(FxRobot robot) throws Exception {
        awaitDataset();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        Button run = robot.lookup("#runButton").queryButton();
        assertFalse(run.isDisabled());
        robot.doubleClickOn("#teraconSMaxField").eraseText(6).write("0.5");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#teraconSMaxFieldError").queryAs(Label.class);
        assertTrue(error.getText().contains("s (s_max)"), error.getText());
        assertTrue(run.isDisabled(), "Run is disabled while s is invalid");
        robot.doubleClickOn("#teraconSMaxField").eraseText(6).write("abc");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(error.getText().contains("not a number"));
        robot.doubleClickOn("#teraconSMaxField").eraseText(6).write("25");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", error.getText());
        assertFalse(run.isDisabled());
        assertEquals(25.0, ctx.currentExperiment().teracon().sMax());
    }

    @Test
    void theMethodParameterRowsFollowTheChosenMethod(FxRobot robot) throws Exception {
        awaitDataset();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertEquals("EQUATION", robot.lookup("#teraconSamplingField").queryComboBox().getValue());
        robot.clickOn("#teraconKnowledgeRetentionField");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(ctx.currentExperiment().teracon().knowledgeRetention(), "the check box writes the spec's value");
        robot.interact(() -> ctx.form.methodProperty().set("conure"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#teraconSMaxField").tryQuery().isEmpty(), "TERACON's rows leave with TERACON");
        TextField keep = robot.lookup("#conureKeepField").queryAs(TextField.class);
        assertEquals("0.3", keep.getText());
        assertTrue(keep.getTooltip().getText().contains("(0, 1]"), keep.getTooltip().getText());
        robot.interact(() -> ctx.form.methodProperty().set("teracon"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#teraconKnowledgeRetentionField").queryAs(CheckBox.class).isSelected(), "kept across the switch");
    }

    @Test
    void tinyRunCompletesAndFillsEveryView(FxRobot robot) throws Exception {
        awaitDataset();
        tinyConfig(robot, 1);
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> ctx.run.lastStatusProperty().get() == RunStatus.COMPLETED
                && !running());
        WaitForAsyncUtils.waitForFxEvents();
        int tasks = ctx.run.tasks().size();
        assertEquals(tasks, ctx.run.matrixRows().size(), "one accuracy row per task");
        assertNotNull(ctx.run.heatmapProperty().get(), "mask heatmap filled");
        assertEquals(tasks, ctx.run.heatmapProperty().get().size());
        assertEquals(tasks, ctx.run.transferRows().size());
        assertEquals(tasks, ctx.run.timingRows().size());
        assertFalse(ctx.run.rhoRows().isEmpty(), "TERACON reports sampling rates");
        assertFalse(ctx.run.losses().isEmpty());
        assertTrue(ctx.run.backendProperty().get().contains("CPU") || ctx.run.backendProperty().get().contains("CUDA"));
        TableView<?> matrix = robot.lookup("#matrixTable").queryAs(TableView.class);
        assertEquals(tasks + 1, matrix.getColumns().size());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !ctx.history.runs().isEmpty());

        // Export the loss chart and the heatmap through the window's buttons.
        dialogs.answers.add(exports);
        robot.clickOn("#lossPngButton");
        dialogs.answers.add(exports);
        robot.clickOn("#lossSvgButton");
        robot.clickOn("Mask similarity");
        dialogs.answers.add(exports);
        robot.clickOn("#heatmapPngButton");
        dialogs.answers.add(exports);
        robot.clickOn("#heatmapSvgButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            try (var s = Files.list(exports)) {
                return s.count() >= 4;
            }
        });
        List<Path> files;
        try (var s = Files.list(exports)) {
            files = s.sorted().toList();
        }
        for (Path f : files) {
            if (f.toString().endsWith(".png")) {
                BufferedImage img = ImageIO.read(f.toFile());
                assertNotNull(img, f + " is a PNG");
                assertTrue(img.getWidth() > 100 && img.getHeight() > 100);
            } else {
                Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
                assertEquals("svg", doc.getDocumentElement().getNodeName());
                boolean drawn = doc.getElementsByTagName("polyline").getLength() > 0 || doc.getElementsByTagName("rect").getLength() > tasks;
                assertTrue(drawn, f + " has vector content");
            }
        }
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().endsWith("-heatmap.png")), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().contains("-loss_")), files.toString());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void escapeCancelsARunningExperiment(FxRobot robot) throws Exception {
        awaitDataset();
        tinyConfig(robot, 50);
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ctx.run.overallProgressProperty().get() > 0);
        assertTrue(running());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !running());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunStatus.CANCELLED, ctx.run.lastStatusProperty().get());
        assertTrue(robot.lookup("#statusLabel").queryAs(Label.class).getText().toLowerCase().contains("cancel"));
    }
}
