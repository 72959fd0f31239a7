package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.experiment.NoisyTaskSpec;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.app.compare.TaskComparison;
import org.teracon.workbench.ui.vm.TaskOrderItem;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/**
 * The "done when" path in one go, by pointing, clicking and typing only: choose TERACON, run a tiny
 * experiment on the sample, drag a task, insert a noisy task, run again, compare both runs in the
 * history and export the heatmap. File choosers are answered by {@link RecordingDialogs}.
 */
class UiDoneWhenFlowTest extends WorkbenchWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void researcherRunsTwoVariantsComparesThemAndExportsTheHeatmap(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ctx.dataset.getDataset() != null && !ctx.form.methods().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        // Choose TERACON and make the run tiny.
        robot.clickOn("2 Experiment");
        robot.clickOn("#methodBox").clickOn(robot.lookup(".list-cell").match((ListCell<?> c) -> "teracon".equals(c.getText())).<Node>query());
        assertEquals("teracon", ctx.form.methodProperty().get());
        type(robot, "#channelsField", "8");
        type(robot, "#dilationsField", "1");
        type(robot, "#epochsFirstField", "1");
        type(robot, "#epochsField", "1");
        type(robot, "#batchFirstField", "64");
        type(robot, "#batchField", "64");
        robot.interact(() -> { // T3 and later have their own schedule fields
            ctx.form.epochsRest.setText("1");
            ctx.form.batchSizeRest.setText("64");
        });
        uncheck(robot, "liked_items");
        uncheck(robot, "noise");
        List<String> firstOrder = ctx.taskOrder.taskOrder();
        assertEquals(3, firstOrder.size(), firstOrder.toString());

        robot.clickOn("#runButton");
        String firstRun = awaitCompletedRun("");

        // Reorder by drag (the last included task onto the second) and insert a noisy task at position 2.
        robot.clickOn("2 Experiment");
        robot.drag(cell(robot, firstOrder.get(2))).dropTo(cell(robot, firstOrder.get(1)));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> secondOrder = ctx.taskOrder.taskOrder();
        assertEquals(List.of(firstOrder.get(0), firstOrder.get(2), firstOrder.get(1)), secondOrder);
        // the position still shows where the sample's own noisy task was before it was unticked: set it
        robot.interact(() -> ctx.taskOrder.noisyPositionProperty().set(2));
        robot.clickOn("#insertNoisyButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, ctx.taskOrder.noisyTask().position());
        assertTrue(ctx.taskOrder.items().stream().filter(i -> i.isIncluded()).toList().get(1).isNoisy(), "second of the included tasks");

        robot.clickOn("#runButton");
        String secondRun = awaitCompletedRun(firstRun);
        assertEquals(4, ctx.run.tasks().size(), "the noisy task ran too: " + ctx.run.tasks());
        assertTrue(ctx.run.tasks().contains(NoisyTaskSpec.TASK_NAME));

        // History: select both runs, compare.
        robot.clickOn("4 History & compare");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ctx.history.runs().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(row(robot, 0));
        robot.press(KeyCode.CONTROL).clickOn(row(robot, 1)).release(KeyCode.CONTROL);
        TableView<?> runTable = robot.lookup("#runTable").queryAs(TableView.class);
        assertEquals(2, runTable.getSelectionModel().getSelectedItems().size());
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !ctx.history.comparison().taskRows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<TaskComparison.Row> rows = List.copyOf(ctx.history.comparison().taskRows());
        for (String task : firstOrder) {
            TaskComparison.Row r = rows.stream().filter(x -> x.task().equals(task)).findFirst().orElseThrow();
            assertFalse(Double.isNaN(r.deltas().get(1)), task + " is scored in both runs");
        }
        assertTrue(rows.stream().anyMatch(r -> r.task().equals(NoisyTaskSpec.TASK_NAME)), "the noisy task is listed");
        TableView<?> compareTable = robot.lookup("#compareTable").queryAs(TableView.class);
        assertTrue(compareTable.getColumns().stream().anyMatch(c -> c.getText().startsWith("Δ")), "a difference column");
        assertEquals(rows.size(), compareTable.getItems().size());
        assertNotEquals(firstRun, secondRun);

        // The heatmap of the run on screen (the second), as PNG and SVG.
        robot.clickOn("3 Run views");
        robot.clickOn("Mask similarity");
        dialogs.answers.add(exports);
        robot.clickOn("#heatmapPngButton");
        dialogs.answers.add(exports);
        robot.clickOn("#heatmapSvgButton");
        String stem = ctx.run.runIdProperty().get(); // no name given: files carry the run folder's name
        Path png = exports.resolve(stem + "-heatmap.png");
        Path svg = exports.resolve(stem + "-heatmap.svg");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(png) && Files.isRegularFile(svg));
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertTrue(img.getWidth() > 200 && img.getHeight() > 200, img.getWidth() + "x" + img.getHeight());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertTrue(doc.getElementsByTagName("rect").getLength() >= 16, "a 4 × 4 grid of cells");
        assertTrue(Files.readString(svg).contains(NoisyTaskSpec.TASK_NAME), "labelled with the tasks");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    /** Waits for a completed run other than {@code previous}; returns its id. */
    private String awaitCompletedRun(String previous) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !ctx.run.isRunning()
                && ctx.run.resultProperty().get() != null
                && !ctx.run.resultProperty().get().runId().equals(previous)).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunStatus.COMPLETED, ctx.run.lastStatusProperty().get(), ctx.run.statusProperty().get());
        return ctx.run.resultProperty().get().runId();
    }

    /** Clicks a form field, scrolling the form with its scroll bar until it is on screen, and replaces its text. */
    private static void type(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        ScrollPane pane = (ScrollPane) ancestor(field, ScrollPane.class);
        // The mouse wheel does not reach Monocle's headless screen; the scroll bar's arrows do.
        ScrollBar bar = pane.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .filter(b -> b.getOrientation() == Orientation.VERTICAL && b.isVisible()).findFirst().orElse(null);
        for (int i = 0; i < 80 && bar != null && !onScreen(pane, field); i++) {
            robot.clickOn(bar.lookup(below(pane, field) ? ".increment-button" : ".decrement-button"));
        }
        assertTrue(onScreen(pane, field), id + " could not be scrolled into view: " + field.localToScreen(field.getLayoutBounds())
                + " in " + pane.localToScreen(pane.getLayoutBounds()) + " vvalue " + pane.getVvalue());
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text, field.getText());
    }

    private static boolean onScreen(ScrollPane pane, Node n) {
        Bounds view = pane.localToScreen(pane.getLayoutBounds());
        Bounds b = n.localToScreen(n.getLayoutBounds());
        return b.getMinY() >= view.getMinY() && b.getMaxY() <= view.getMaxY() - 4;
    }

    private static boolean below(ScrollPane pane, Node n) {
        return n.localToScreen(n.getLayoutBounds()).getMaxY() > pane.localToScreen(pane.getLayoutBounds()).getMaxY() - 4;
    }

    private static Node ancestor(Node n, Class<?> type) {
        for (Node p = n; p != null; p = p.getParent()) if (type.isInstance(p)) return p;
        throw new IllegalStateException("no " + type.getSimpleName() + " around " + n);
    }

    /** Clicks the include box of a task in the order list. */
    private void uncheck(FxRobot robot, String task) {
        robot.clickOn(cell(robot, task).lookup(".check-box"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(ctx.taskOrder.taskOrder().contains(task), task + " left out");
    }

    private static ListCell<?> cell(FxRobot robot, String task) {
        return robot.lookup("#taskOrderList .list-cell")
                .match((ListCell<?> x) -> x.getItem() instanceof TaskOrderItem t && t.name().equals(task)).query();
    }

    private static Node row(FxRobot robot, int index) {
        return robot.lookup("#runTable .table-row-cell").match((TableRow<?> r) -> r.getIndex() == index && r.getItem() != null).query();
    }

}
