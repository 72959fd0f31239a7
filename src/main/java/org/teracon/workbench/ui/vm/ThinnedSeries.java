package org.teracon.workbench.ui.vm;

import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * Appends points to a chart series but keeps at most {@code maxPoints}: when full, every second point
 * is dropped and from then on only every {@code stride}-th new point is kept. A chart with tens of
 * thousands of batch points would otherwise make every layout pass slow.
 */
public final class ThinnedSeries {
    private final XYChart.Series<Number, Number> series;
    private final int maxPoints;
    private int stride = 1;
    private long seen;

    public ThinnedSeries(String name, int maxPoints) {
        this.series = new XYChart.Series<>();
        this.series.setName(name);
        this.maxPoints = Math.max(4, maxPoints);
    }

    public void add(double x, double y) {
        if (Double.isNaN(y) || Double.isInfinite(y)) return;
        if (seen++ % stride != 0) return;
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        data.add(new XYChart.Data<>(x, y));
        if (data.size() > maxPoints) {
            java.util.List<XYChart.Data<Number, Number>> kept = new java.util.ArrayList<>(data.size() / 2 + 1);
            for (int i = 0; i < data.size(); i += 2) kept.add(data.get(i));
            data.setAll(kept);
            stride *= 2;
        }
    }

    public XYChart.Series<Number, Number> series() {
        return series;
    }

    public int stride() {
        return stride;
    }
}
