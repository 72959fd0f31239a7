package org.teracon.workbench.ui.view;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.teracon.workbench.ui.vm.Fmt;
import org.teracon.workbench.ui.vm.HeatmapData;

/**
 * Task × task heatmap drawn on a Canvas (one draw call per cell, cheap to redraw on resize), with a
 * colour legend and a tooltip giving the exact value of the cell under the mouse.
 */
public final class HeatmapView extends Region {
    static final double LABEL_WIDTH = 110;
    static final double TOP = 40;
    static final double LEGEND_WIDTH = 90;

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<HeatmapData> data = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private final Tooltip tooltip = new Tooltip();
    /** Paints on the dark theme's background with light ink; the colour scale (viridis) reads on both. */
    private final javafx.beans.property.BooleanProperty dark = new javafx.beans.property.SimpleBooleanProperty(false);

    public HeatmapView() {
        getStyleClass().add("heatmap");
        getChildren().add(canvas);
        data.addListener((o, was, now) -> draw());
        dark.addListener((o, was, now) -> draw());
        tooltip.setShowDelay(Duration.millis(80));
        Tooltip.install(canvas, tooltip);
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> hoverText.set(""));
        setMinSize(200, 200);
        setPrefSize(640, 520);
    }

    public javafx.beans.property.BooleanProperty darkProperty() {
        return dark;
    }

    private Color background() {
        return dark.get() ? Color.web("#1e2228") : Color.WHITE;
    }

    private Color ink() {
        return dark.get() ? Color.web("#e6e9ee") : Color.web("#222");
    }

    public ObjectProperty<HeatmapData> dataProperty() {
        return data;
    }

    /** The text of the value tooltip for the cell last hovered ("" when none). */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double cellSize(HeatmapData d) {
        double w = canvas.getWidth() - LABEL_WIDTH - LEGEND_WIDTH - 20;
        double h = canvas.getHeight() - TOP - 70;
        return Math.max(4, Math.min(w, h) / Math.max(1, d.size()));
    }

    /** Computes the tooltip for the point (x, y) in canvas coordinates. */
    public void hover(double x, double y) {
        HeatmapData d = data.get();
        if (d == null) return;
        double cell = cellSize(d);
        int col = (int) Math.floor((x - LABEL_WIDTH) / cell);
        int row = (int) Math.floor((y - TOP) / cell);
        if (x < LABEL_WIDTH || y < TOP || row >= d.size() || col >= d.size()) {
            hoverText.set("");
            tooltip.setText("");
            return;
        }
        String s = d.labels().get(row) + " vs " + d.labels().get(col) + ": " + d.valueName() + " = " + (Double.isNaN(d.values()[row][col]) ? "–" : Fmt.num(d.values()[row][col]));
        hoverText.set(s);
        tooltip.setText(s);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(background());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        HeatmapData d = data.get();
        g.setFill(ink());
        g.setFont(Font.font(13));
        g.setTextBaseline(VPos.CENTER);
        if (d == null || d.size() == 0) {
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("No task masks yet: the heatmap fills after each task (methods with task masks only).", 16, 24);
            return;
        }
        int n = d.size();
        double cell = cellSize(d);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font(14));
        g.fillText(d.title(), 12, 18);
        g.setFont(Font.font(Math.max(9, Math.min(13, cell / 3.2))));
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double v = d.values()[r][c];
                double f = d.fraction(v);
                double x = LABEL_WIDTH + c * cell;
                double y = TOP + r * cell;
                g.setFill(Double.isNaN(v) ? (dark.get() ? Color.web("#3a3f47") : Color.web("#eeeeee")) : color(d, f));
                g.fillRect(x, y, cell - 1, cell - 1);
                if (cell >= 30 && !Double.isNaN(v)) {
                    g.setFill(d.diverging() ? (Math.abs(f - 0.5) > 0.3 ? Color.WHITE : Color.BLACK) : ColorScale.textOn(f));
                    g.setTextAlign(TextAlignment.CENTER);
                    g.fillText(String.format(java.util.Locale.ROOT, d.diverging() ? "%+.3f" : "%.3f", v), x + cell / 2, y + cell / 2);
                }
            }
        }
        g.setFill(ink());
        g.setFont(Font.font(12));
        for (int i = 0; i < n; i++) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(shorten(d.labels().get(i)), LABEL_WIDTH - 6, TOP + i * cell + cell / 2);
            g.save();
            g.translate(LABEL_WIDTH + i * cell + cell / 2, TOP + n * cell + 6);
            g.rotate(45);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(shorten(d.labels().get(i)), 0, 0);
            g.restore();
        }
        drawLegend(g, d, LABEL_WIDTH + n * cell + 24, TOP, Math.max(120, n * cell));
    }

    private void drawLegend(GraphicsContext g, HeatmapData d, double x, double y, double h) {
        int steps = 100;
        for (int i = 0; i < steps; i++) {
            g.setFill(color(d, 1 - i / (double) (steps - 1)));
            g.fillRect(x, y + i * h / steps, 18, h / steps + 1);
        }
        g.setStroke(Color.web("#666"));
        g.strokeRect(x, y, 18, h);
        g.setFill(ink());
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font(11));
        for (int i = 0; i <= 4; i++) {
            double v = d.max() - i * (d.max() - d.min()) / 4;
            g.fillText(String.format(java.util.Locale.ROOT, d.diverging() ? "%+.3f" : "%.2f", v), x + 24, y + i * h / 4);
        }
        g.fillText(d.diverging() ? d.valueName() : "cosine", x, y - 14);
    }

    private static Color color(HeatmapData d, double f) {
        return d.diverging() ? ColorScale.diverging(f) : ColorScale.at(f);
    }

    static String shorten(String s) {
        return s.length() <= 16 ? s : s.substring(0, 15) + "…";
    }
}
