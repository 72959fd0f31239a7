package org.teracon.workbench.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * What JavaFX's XYChart lacks for reading training curves: drag a rectangle to zoom (double-click
 * resets to auto range), the value of the nearest point under the mouse, and vertical markers at given
 * x values (task boundaries). Everything is drawn on the chart's plot area, so exports include markers.
 */
public final class ChartTools {
    private ChartTools() {
    }

    /** Drag-to-zoom and double-click reset on {@code chart}, nearest-point values written to {@code hover}. */
    public static void install(XYChart<Number, Number> chart, StringProperty hover) {
        Rectangle band = new Rectangle();
        band.getStyleClass().add("zoom-band");
        band.setManaged(false);
        band.setVisible(false);
        band.setStyle("-fx-fill: rgba(59,111,182,0.15); -fx-stroke: #3b6fb6;");
        double[] start = new double[2];
        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) return;
            start[0] = e.getX();
            start[1] = e.getY();
        });
        chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!chart.getChildrenUnmodifiable().contains(band)) addTo(chart, band);
            band.setVisible(true);
            band.setX(Math.min(start[0], e.getX()));
            band.setY(Math.min(start[1], e.getY()));
            band.setWidth(Math.abs(e.getX() - start[0]));
            band.setHeight(Math.abs(e.getY() - start[1]));
        });
        chart.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (!band.isVisible()) return;
            band.setVisible(false);
            if (band.getWidth() < 6 || band.getHeight() < 6) return;
            zoom(chart, new Point2D(band.getX(), band.getY()), new Point2D(band.getX() + band.getWidth(), band.getY() + band.getHeight()));
        });
        chart.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) resetZoom(chart);
        });
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover.set(nearest(chart, e.getSceneX(), e.getSceneY())));
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.set(""));
    }

    /** Zooms to the rectangle between two points given in the chart's own coordinates. */
    public static void zoom(XYChart<Number, Number> chart, Point2D a, Point2D b) {
        NumberAxis x = (NumberAxis) chart.getXAxis();
        NumberAxis y = (NumberAxis) chart.getYAxis();
        Point2D xa = x.sceneToLocal(chart.localToScene(a));
        Point2D xb = x.sceneToLocal(chart.localToScene(b));
        Point2D ya = y.sceneToLocal(chart.localToScene(a));
        Point2D yb = y.sceneToLocal(chart.localToScene(b));
        double x0 = x.getValueForDisplay(xa.getX()).doubleValue();
        double x1 = x.getValueForDisplay(xb.getX()).doubleValue();
        double y0 = y.getValueForDisplay(ya.getY()).doubleValue();
        double y1 = y.getValueForDisplay(yb.getY()).doubleValue();
        setRange(x, Math.min(x0, x1), Math.max(x0, x1));
        setRange(y, Math.min(y0, y1), Math.max(y0, y1));
    }

    public static void resetZoom(XYChart<Number, Number> chart) {
        ((NumberAxis) chart.getXAxis()).setAutoRanging(true);
        ((NumberAxis) chart.getYAxis()).setAutoRanging(true);
    }

    private static void setRange(NumberAxis axis, double lo, double hi) {
        axis.setAutoRanging(false);
        axis.setLowerBound(lo);
        axis.setUpperBound(hi);
        axis.setTickUnit(niceTick((hi - lo) / 5));
    }

    private static double niceTick(double raw) {
        if (!(raw > 0)) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
    }

    /** "series: x = …, y = …" of the data point nearest to the mouse (in screen distance), or "". */
    static String nearest(XYChart<Number, Number> chart, double sceneX, double sceneY) {
        NumberAxis x = (NumberAxis) chart.getXAxis();
        NumberAxis y = (NumberAxis) chart.getYAxis();
        double best = 30 * 30;
        String text = "";
        for (XYChart.Series<Number, Number> s : chart.getData()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                Point2D px = x.localToScene(x.getDisplayPosition(d.getXValue()), 0);
                Point2D py = y.localToScene(0, y.getDisplayPosition(d.getYValue()));
                double dx = px.getX() - sceneX;
                double dy = py.getY() - sceneY;
                if (dx * dx + dy * dy < best) {
                    best = dx * dx + dy * dy;
                    text = String.format(Locale.ROOT, "%s: x = %.3f, y = %.5g", s.getName(), d.getXValue().doubleValue(), d.getYValue().doubleValue());
                }
            }
        }
        return text;
    }

    /** Dashed vertical lines at {@code xs} across the plot area, kept in place on every layout. */
    public static void markers(XYChart<Number, Number> chart, ObservableList<Double> xs) {
        List<Line> lines = new ArrayList<>();
        Runnable place = () -> {
            NumberAxis x = (NumberAxis) chart.getXAxis();
            Node plot = chart.lookup(".chart-plot-background");
            if (plot == null) return;
            Bounds b = chart.sceneToLocal(plot.localToScene(plot.getBoundsInLocal()));
            while (lines.size() < xs.size()) {
                Line l = new Line();
                l.getStyleClass().add("task-boundary");
                l.setManaged(false);
                l.getStrokeDashArray().setAll(6.0, 4.0);
                l.setStyle("-fx-stroke: #8a94a3;");
                lines.add(l);
                addTo(chart, l);
            }
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                boolean shown = i < xs.size() && xs.get(i) >= x.getLowerBound() && xs.get(i) <= x.getUpperBound();
                l.setVisible(shown);
                if (!shown) continue;
                double px = chart.sceneToLocal(x.localToScene(x.getDisplayPosition(xs.get(i)), 0)).getX();
                l.setStartX(px);
                l.setEndX(px);
                l.setStartY(b.getMinY());
                l.setEndY(b.getMaxY());
            }
        };
        xs.addListener((ListChangeListener<Double>) c -> chart.requestLayout());
        chart.needsLayoutProperty().addListener((o, was, now) -> {
            if (!now) place.run();
        });
        ((NumberAxis) chart.getXAxis()).lowerBoundProperty().addListener(o -> place.run());
        ((NumberAxis) chart.getXAxis()).upperBoundProperty().addListener(o -> place.run());
    }

    /** Charts keep their children protected: overlays go into the chart's parent, unmanaged, at the chart's place. */
    private static void addTo(XYChart<Number, Number> chart, Node n) {
        if (chart.getParent() instanceof javafx.scene.layout.Pane p && !p.getChildren().contains(n)) {
            // Drawn in the parent, over the chart, in the chart's coordinates.
            n.layoutXProperty().bind(chart.layoutXProperty());
            n.layoutYProperty().bind(chart.layoutYProperty());
            p.getChildren().add(n);
        }
    }

    /** The number of markers currently shown (for tests). */
    static long shownMarkers(javafx.scene.Parent parent) {
        return parent.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("task-boundary") && n.isVisible()).count();
    }
}
