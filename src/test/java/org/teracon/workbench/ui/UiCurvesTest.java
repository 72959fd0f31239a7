package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.RunEvent;
import org.teracon.workbench.ui.vm.CurveViewModel;
import org.teracon.workbench.ui.vm.LossHistory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue #11 live views: validation beside the loss, the whole run on one axis, smoothing, log scale, zoom, hover. */
class UiCurvesTest extends WorkbenchWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** Task a: two epochs, total = class (T1); task b: one epoch with a retention term. */
    private void feed() {
        ctx.run.apply(List.of(
                new RunEvent.RunStarted("r", ExperimentConfig.defaults("x"), List.of("a", "b"), "CPU"),
                new RunEvent.TaskStarted(0, "a", 2),
                new RunEvent.BatchProgress(0, 1, 1, 2, Map.of("total", 4.0, "class", 4.0), 0.1, Double.NaN),
                new RunEvent.BatchProgress(0, 1, 2, 2, Map.of("total", 2.0, "class", 2.0), 0.2, Double.NaN),
                new RunEvent.EpochFinished(0, 1, Map.of(), 0.10, true, 1),
                new RunEvent.BatchProgress(0, 2, 2, 2, Map.of("total", 2.0, "class", 2.0), 0.3, Double.NaN),
                new RunEvent.EpochFinished(0, 2, Map.of(), 0.20, true, 1),
                new RunEvent.TaskStarted(1, "b", 2),
                new RunEvent.BatchProgress(1, 1, 2, 2, Map.of("total", 100.0, "class", 90.0, "kr", 10.0), 0.8, Double.NaN),
                new RunEvent.EpochFinished(1, 1, Map.of(), 0.5, true, 1)));
    }

    private static List<Double> ys(XYChart.Series<Number, Number> s) {
        return s.getData().stream().map(d -> d.getYValue().doubleValue()).toList();
    }

    private static XYChart.Series<Number, Number> named(List<XYChart.Series<Number, Number>> all, String name) {
        return all.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in "
                + all.stream().map(XYChart.Series::getName).toList()));
    }

    @Test
    void oneTaskWholeRunSmoothingAndLogScaleAreComputedFromTheRawPoints(FxRobot robot) {
        robot.interact(() -> {
            feed();
            ctx.run.selectedLossProperty().set(ctx.run.losses().get(0));
        });
        CurveViewModel c = ctx.run.curves();
        assertEquals(List.of(LossHistory.TOTAL_IS_CLASS), c.lossSeries().stream().map(XYChart.Series::getName).toList(),
                "on T1 total is the class loss: one line, not two on top of each other");
        assertEquals(List.of(4.0, 2.0, 2.0), ys(c.lossSeries().get(0)));
        assertEquals(1, c.validationSeries().size());
        assertEquals(List.of(0.10, 0.20), ys(c.validationSeries().get(0)));

        robot.interact(() -> c.smoothingProperty().set(0.5));
        assertEquals(List.of(4.0, 3.0, 2.5), ys(c.lossSeries().get(0)), "EMA 0.5: 4, 0.5*4+0.5*2, 0.5*3+0.5*2");
        robot.interact(() -> {
            c.smoothingProperty().set(0);
            ctx.run.selectedLossProperty().set(CurveViewModel.WHOLE_RUN);
        });
        assertEquals(List.of(2.0), c.boundaries(), "task b starts where a's two epochs end");
        XYChart.Series<Number, Number> total = named(c.lossSeries(), "total");
        assertEquals(3.0, total.getData().get(0).getXValue().doubleValue(), 1e-12, "b's batch 2 of 2 in epoch 1, after a's 2 epochs");
        assertEquals(List.of(90.0), ys(named(c.lossSeries(), "class")));
        assertEquals(List.of(10.0), ys(named(c.lossSeries(), "kr")));
        assertEquals(2, c.validationSeries().size(), "one validation line per task");
        assertEquals(3.0, c.validationSeries().get(1).getData().get(0).getXValue().doubleValue(), 1e-12);
        assertEquals("epochs, all tasks one after another", c.xLabelProperty().get());

        robot.interact(() -> c.logScaleProperty().set(true));
        assertEquals(List.of(2.0), ys(named(c.lossSeries(), "total")), "log10(100)");
        assertEquals("log10 loss", c.yLabelProperty().get());
    }

    @Test
    void dragZoomsDoubleClickResetsHoverReadsAPointAndBoundariesAreMarked(FxRobot robot) {
        robot.clickOn("3 Run views");
        robot.interact(() -> {
            feed();
            ctx.run.selectedLossProperty().set(CurveViewModel.WHOLE_RUN);
        });
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#lossChart").queryAs(LineChart.class);
        NumberAxis x = (NumberAxis) chart.getXAxis();
        assertTrue(x.isAutoRanging());
        assertEquals(2, chart.getParent().getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("task-boundary") && n.isVisible()).count(), "a dashed line where task b starts, on the loss and on the validation chart");

        var b = chart.lookup(".chart-plot-background").localToScreen(chart.lookup(".chart-plot-background").getBoundsInLocal());
        robot.drag(b.getMinX() + b.getWidth() * 0.1, b.getMinY() + b.getHeight() * 0.1, MouseButton.PRIMARY)
                .dropTo(b.getMinX() + b.getWidth() * 0.5, b.getMinY() + b.getHeight() * 0.6);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(x.isAutoRanging(), "dragging a rectangle zooms");
        assertTrue(x.getUpperBound() < 3.0 && x.getLowerBound() > 0, x.getLowerBound() + ".." + x.getUpperBound());
        robot.doubleClickOn(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(x.isAutoRanging(), "double-click resets");

        XYChart.Data<Number, Number> p = chart.getData().get(0).getData().get(0);
        var scene = x.localToScreen(x.getDisplayPosition(p.getXValue()), 0);
        var sceneY = chart.getYAxis().localToScreen(0, ((NumberAxis) chart.getYAxis()).getDisplayPosition(p.getYValue()));
        robot.moveTo(new javafx.geometry.Point2D(scene.getX(), sceneY.getY()));
        WaitForAsyncUtils.waitForFxEvents();
        String hover = robot.lookup("#curveHoverLabel").queryAs(Label.class).getText();
        assertTrue(hover.startsWith(chart.getData().get(0).getName() + ": x = "), hover);
    }
}
