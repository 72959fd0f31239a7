package org.teracon.workbench.ui.vm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/** Loss curves of one task (stage): one thinned series per loss term, x = epochs done (fractional). */
public final class LossHistory {
    public static final List<String> TERMS = List.of("total", "class", "kr");
    static final int MAX_POINTS = 300;

    private final String task;
    private final Map<String, ThinnedSeries> byTerm = new LinkedHashMap<>();
    private final ObservableList<XYChart.Series<Number, Number>> series = FXCollections.observableArrayList();

    public LossHistory(String task) {
        this.task = task;
    }

    /** The one line drawn when the total is the class loss (no other term, e.g. on T1): two lines would coincide exactly. */
    public static final String TOTAL_IS_CLASS = "total (= class)";

    public void add(double x, Map<String, Double> losses) {
        Double total = losses.get("total");
        Double cls = losses.get("class");
        boolean same = total != null && total.equals(cls) && losses.keySet().stream().noneMatch(k -> !k.equals("total") && !k.equals("class")
                && !k.equals(org.teracon.workbench.experiment.ExperimentRunner.SKIPPED));
        if (same) {
            seriesFor(TOTAL_IS_CLASS).add(x, total);
            return;
        }
        for (String term : TERMS) {
            Double v = losses.get(term);
            if (v == null) continue;
            seriesFor(term).add(x, v);
        }
        // Methods may report terms beyond the three standard ones; show them too.
        for (Map.Entry<String, Double> e : losses.entrySet()) {
            if (!TERMS.contains(e.getKey()) && e.getValue() != null) seriesFor(e.getKey()).add(x, e.getValue());
        }
    }

    private ThinnedSeries seriesFor(String term) {
        return byTerm.computeIfAbsent(term, t -> {
            ThinnedSeries s = new ThinnedSeries(t, MAX_POINTS);
            series.add(s.series());
            return s;
        });
    }

    public String task() {
        return task;
    }

    public ObservableList<XYChart.Series<Number, Number>> series() {
        return series;
    }

    public int points() {
        return series.stream().mapToInt(s -> s.getData().size()).sum();
    }
}
