package org.teracon.workbench.ui.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * What the Loss tab draws: the training-loss terms and the validation score, of one task or of the whole
 * run on one axis (each stage after the previous one's epochs, with its start marked), with optional
 * exponential smoothing and a log10 scale. The raw points stay in {@link LossHistory} and the validation
 * list; this derives the drawn series from them whenever they or an option change.
 */
public final class CurveViewModel {
    /** The scope entry meaning "every task, one after another". */
    public static final LossHistory WHOLE_RUN = new LossHistory("Whole run (all tasks)");

    private final ObservableList<LossHistory> losses;
    private final ObservableList<ValidationPoint> validation;
    private final ObjectProperty<LossHistory> scope;
    private final DoubleProperty smoothing = new SimpleDoubleProperty(0);
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final ObservableList<XYChart.Series<Number, Number>> lossSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> validationSeries = FXCollections.observableArrayList();
    /** x of each stage's start after the first (whole-run scope only). */
    private final ObservableList<Double> boundaries = FXCollections.observableArrayList();
    private final StringProperty xLabel = new SimpleStringProperty("epoch");
    private final StringProperty yLabel = new SimpleStringProperty("loss");

    /** One epoch's validation score of one stage. */
    public record ValidationPoint(int stage, String task, int epoch, double score) {
    }

    public CurveViewModel(ObservableList<LossHistory> losses, ObservableList<ValidationPoint> validation, ObjectProperty<LossHistory> scope) {
        this.losses = losses;
        this.validation = validation;
        this.scope = scope;
        scope.addListener(o -> rebuild());
        smoothing.addListener(o -> rebuild());
        logScale.addListener(o -> rebuild());
        validation.addListener((javafx.collections.ListChangeListener<ValidationPoint>) c -> rebuild());
    }

    /** Recomputes every drawn series; FX thread. Called on option changes and after each batch of run events. */
    public void rebuild() {
        LossHistory s = scope.get();
        boolean whole = s == WHOLE_RUN;
        List<LossHistory> shown = whole ? List.copyOf(losses) : s == null ? List.of() : List.of(s);
        Map<String, XYChart.Series<Number, Number>> byTerm = new LinkedHashMap<>();
        List<Double> starts = new ArrayList<>();
        double offset = 0;
        for (LossHistory h : shown) {
            if (whole) starts.add(offset);
            double end = offset;
            for (XYChart.Series<Number, Number> raw : h.series()) {
                XYChart.Series<Number, Number> out = byTerm.computeIfAbsent(raw.getName(), n -> named(n));
                double ema = Double.NaN;
                for (XYChart.Data<Number, Number> d : raw.getData()) {
                    double y = d.getYValue().doubleValue();
                    ema = Double.isNaN(ema) ? y : smoothing.get() * ema + (1 - smoothing.get()) * y;
                    double x = offset + d.getXValue().doubleValue();
                    Double shownY = transform(ema);
                    if (shownY != null) out.getData().add(new XYChart.Data<>(x, shownY));
                    end = Math.max(end, x);
                }
            }
            offset = whole ? Math.max(end, offset + epochsOf(h)) : 0;
        }
        lossSeries.setAll(byTerm.values());
        boundaries.setAll(starts.size() > 1 ? starts.subList(1, starts.size()) : List.of());
        buildValidation(whole, s, starts);
        xLabel.set(whole ? "epochs, all tasks one after another" : "epoch");
        yLabel.set(logScale.get() ? "log10 loss" : "loss");
    }

    private void buildValidation(boolean whole, LossHistory s, List<Double> starts) {
        Map<Integer, XYChart.Series<Number, Number>> byStage = new LinkedHashMap<>();
        for (ValidationPoint p : validation) {
            int index = losses.indexOf(s);
            if (!whole && p.stage() != index) continue;
            double offset = whole && p.stage() < starts.size() ? starts.get(p.stage()) : 0;
            if (Double.isNaN(p.score())) continue;
            byStage.computeIfAbsent(p.stage(), k -> named(p.task())).getData().add(new XYChart.Data<>(offset + p.epoch(), p.score()));
        }
        validationSeries.setAll(byStage.values());
    }

    /** A stage's length on the whole-run axis when it has no loss points (the x of its last point otherwise). */
    private static double epochsOf(LossHistory h) {
        return h.points() == 0 ? 1 : 0;
    }

    private Double transform(double y) {
        if (!logScale.get()) return y;
        return y > 0 ? Math.log10(y) : null;
    }

    private static XYChart.Series<Number, Number> named(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    public DoubleProperty smoothingProperty() { return smoothing; }
    public BooleanProperty logScaleProperty() { return logScale; }
    public ObservableList<XYChart.Series<Number, Number>> lossSeries() { return lossSeries; }
    public ObservableList<XYChart.Series<Number, Number>> validationSeries() { return validationSeries; }
    public ObservableList<Double> boundaries() { return boundaries; }
    public StringProperty xLabelProperty() { return xLabel; }
    public StringProperty yLabelProperty() { return yLabel; }
}
