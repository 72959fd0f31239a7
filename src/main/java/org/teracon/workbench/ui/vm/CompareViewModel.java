package org.teracon.workbench.ui.vm;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.teracon.workbench.app.RunEntry;
import org.teracon.workbench.app.WorkbenchEngine;
import org.teracon.workbench.app.compare.CompareMeasure;
import org.teracon.workbench.app.compare.CompareUnit;
import org.teracon.workbench.app.compare.CompareUnits;
import org.teracon.workbench.app.compare.EpochCurves;
import org.teracon.workbench.app.compare.LabelledRun;
import org.teracon.workbench.app.compare.MatrixDifference;
import org.teracon.workbench.app.compare.RunComparison;
import org.teracon.workbench.app.compare.SettingsDiff;
import org.teracon.workbench.app.compare.TaskComparison;
import org.teracon.workbench.ui.engine.Background;

/**
 * The Compare view's state: the loaded runs, how they form units (seed groups or not), the reference
 * the user picked, the measure, and everything derived from them. Files are read once in the
 * background ({@link #load}); changing the reference, measure or grouping only recomputes.
 */
public final class CompareViewModel {
    private final WorkbenchEngine engine;
    private final List<LabelledRun> loaded = new ArrayList<>();
    private final BooleanProperty groupSeeds = new SimpleBooleanProperty(true);
    private final ObjectProperty<CompareMeasure> measure = new SimpleObjectProperty<>(CompareMeasure.LAST);
    private final ObservableList<String> unitLabels = FXCollections.observableArrayList();
    private final ObjectProperty<String> reference = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<RunComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ObservableList<SettingsDiff.Row> settingsRows = FXCollections.observableArrayList();
    private final ObservableList<TaskComparison.Row> taskRows = FXCollections.observableArrayList();
    private final ObservableList<String> differenceLabels = FXCollections.observableArrayList();
    private final ObjectProperty<String> shownDifference = new SimpleObjectProperty<>();
    private final ObjectProperty<HeatmapData> heatmap = new SimpleObjectProperty<>();
    private final StringProperty differenceNotes = new SimpleStringProperty("");
    private final ObservableList<XYChart.Series<Number, Number>> lossSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> validationSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<String, Number>> barSeries = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("Select two or more runs in the history and press Compare.");
    /** Set while the unit list is rebuilt, so the reference box's transient values do not recompute. */
    private boolean rebuilding;

    public CompareViewModel(WorkbenchEngine engine) {
        this.engine = engine;
        groupSeeds.addListener((o, was, now) -> rebuildUnits(false));
        measure.addListener((o, was, now) -> recompute());
        reference.addListener((o, was, now) -> {
            if (!rebuilding) recompute();
        });
        shownDifference.addListener((o, was, now) -> showDifference());
    }

    /** Reads the runs' results and names in the background, then compares them. */
    public void load(List<RunEntry> entries) {
        if (entries.size() < 2) {
            message.set("Select two or more runs to compare (Ctrl+click).");
            return;
        }
        List<RunEntry> chosen = List.copyOf(entries);
        message.set("Loading " + chosen.size() + " runs…");
        Background.submit(() -> chosen.stream().map(e -> new LabelledRun(LabelledRun.label(e.dir()), engine.loadRun(e.dir()))).toList(),
                this::show, t -> message.set("Cannot compare: " + Background.describe(t)));
    }

    /** Compares already loaded runs (FX thread); the first is the reference until the user picks another. */
    public void show(List<LabelledRun> runs) {
        loaded.clear();
        loaded.addAll(runs);
        rebuildUnits(true);
    }

    /** @param firstAsReference a new selection: its first unit becomes the reference */
    private void rebuildUnits(boolean firstAsReference) {
        List<CompareUnit> units = CompareUnits.of(loaded, groupSeeds.get());
        List<String> labels = units.stream().map(CompareUnit::label).toList();
        rebuilding = true;
        try {
            unitLabels.setAll(labels);
            if (firstAsReference || !labels.contains(reference.get())) reference.set(labels.isEmpty() ? null : labels.get(0));
        } finally {
            rebuilding = false;
        }
        recompute();
    }

    private void recompute() {
        List<CompareUnit> units = CompareUnits.of(loaded, groupSeeds.get());
        int ref = units.stream().map(CompareUnit::label).toList().indexOf(reference.get());
        if (units.size() < 2 || ref < 0) {
            comparison.set(null);
            clear();
            message.set(loaded.isEmpty() ? message.get() : "The selected runs form one seed group: untick Group seeds to compare its seeds.");
            return;
        }
        RunComparison c = RunComparison.of(units, ref, measure.get());
        settingsRows.setAll(c.settings());
        taskRows.setAll(c.tasks());
        lossSeries.setAll(c.curves().stream().map(k -> series(k.label(), k.trainingLoss())).toList());
        validationSeries.setAll(c.curves().stream().map(k -> series(k.label(), k.validation())).toList());
        barSeries.setAll(CompareBars.of(c));
        String shown = shownDifference.get();
        differenceLabels.setAll(c.differences().stream().map(MatrixDifference::label).toList());
        comparison.set(c);
        if (differenceLabels.contains(shown)) showDifference();
        else shownDifference.set(differenceLabels.get(0));
        long groups = units.stream().filter(CompareUnit::isGroup).count();
        message.set("Comparing " + units.size() + (groups > 0 ? " units (" + groups + " seed groups)" : " runs")
                + "; Δ = unit − " + c.referenceUnit().label());
    }

    private void clear() {
        settingsRows.clear();
        taskRows.clear();
        lossSeries.clear();
        validationSeries.clear();
        barSeries.clear();
        differenceLabels.clear();
        heatmap.set(null);
        differenceNotes.set("");
    }

    private void showDifference() {
        RunComparison c = comparison.get();
        MatrixDifference d = c == null ? null : c.differences().stream().filter(x -> x.label().equals(shownDifference.get())).findFirst().orElse(null);
        if (d == null) {
            heatmap.set(null);
            differenceNotes.set("");
            return;
        }
        heatmap.set(HeatmapData.difference("R(T_j, T_i): " + d.label() + " − " + d.reference(), d.tasks(), d.values()));
        differenceNotes.set("Row: after learning T_j; column: the task scored; tasks matched by name. "
                + (d.notes().isEmpty() ? "Grey cells were measured in neither run (a task not yet learned)."
                : "Blank rows and columns: " + String.join("; ", d.notes()) + "."));
    }

    private static XYChart.Series<Number, Number> series(String name, List<EpochCurves.Point> points) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (EpochCurves.Point p : points) s.getData().add(new XYChart.Data<>(p.x(), p.y()));
        return s;
    }

    public BooleanProperty groupSeedsProperty() { return groupSeeds; }
    public ObjectProperty<CompareMeasure> measureProperty() { return measure; }
    public ObservableList<String> unitLabels() { return unitLabels; }
    /** The reference unit's label; every Δ and test is against it. */
    public ObjectProperty<String> referenceProperty() { return reference; }
    public ReadOnlyObjectProperty<RunComparison> comparisonProperty() { return comparison.getReadOnlyProperty(); }
    public ObservableList<SettingsDiff.Row> settingsRows() { return settingsRows; }
    public ObservableList<TaskComparison.Row> taskRows() { return taskRows; }
    public ObservableList<String> differenceLabels() { return differenceLabels; }
    /** Which unit's accuracy-matrix difference the heatmap shows. */
    public ObjectProperty<String> shownDifferenceProperty() { return shownDifference; }
    public ObjectProperty<HeatmapData> heatmapProperty() { return heatmap; }
    public StringProperty differenceNotesProperty() { return differenceNotes; }
    public ObservableList<XYChart.Series<Number, Number>> lossSeries() { return lossSeries; }
    public ObservableList<XYChart.Series<Number, Number>> validationSeries() { return validationSeries; }
    public ObservableList<XYChart.Series<String, Number>> barSeries() { return barSeries; }
    public StringProperty messageProperty() { return message; }
}
