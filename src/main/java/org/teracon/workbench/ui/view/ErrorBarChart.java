package org.teracon.workbench.ui.view;

import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;

/**
 * A bar chart (one category per task, one series per run or seed group) whose bars carry ± std
 * whiskers: a datum's extra value is its std (a Double; none or NaN draws no whisker). JavaFX's
 * BarChart has no error bars, so the whiskers are one Path in the plot area, redrawn at each layout
 * from the bars' positions.
 */
public final class ErrorBarChart extends BarChart<String, Number> {
    private static final double CAP = 4;
    private final Path whiskers = new Path();

    public ErrorBarChart() {
        super(new CategoryAxis(), new NumberAxis());
        whiskers.getStyleClass().add("error-bar");
        whiskers.setManaged(false);
        getPlotChildren().add(whiskers);
        setAnimated(false);
    }

    /** The std drawn on a datum, NaN when none. */
    public static double std(XYChart.Data<String, Number> d) {
        return d.getExtraValue() instanceof Double s ? s : Double.NaN;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        whiskers.getElements().clear();
        for (XYChart.Series<String, Number> s : getData()) {
            for (XYChart.Data<String, Number> d : s.getData()) {
                double std = std(d);
                Node bar = d.getNode();
                if (Double.isNaN(std) || bar == null || d.getYValue() == null) continue;
                double mean = d.getYValue().doubleValue();
                double x = bar.getBoundsInParent().getMinX() + bar.getBoundsInParent().getWidth() / 2;
                double top = getYAxis().getDisplayPosition(mean + std);
                double bottom = getYAxis().getDisplayPosition(mean - std);
                whiskers.getElements().addAll(new MoveTo(x, top), new LineTo(x, bottom),
                        new MoveTo(x - CAP, top), new LineTo(x + CAP, top),
                        new MoveTo(x - CAP, bottom), new LineTo(x + CAP, bottom));
            }
        }
        whiskers.toFront();
    }
}
