package org.teracon.workbench.ui.vm;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.teracon.workbench.experiment.GridStatus;
import org.teracon.workbench.ui.engine.FxLatest;

/**
 * A grid's runs as its executor (Spark) reports them: the "done, running, queued" line and one row per
 * run. Each {@link GridStatus} is the whole state, so the newest replaces the rows; it reaches the FX
 * thread through one {@link FxLatest}.
 */
public final class GridProgressViewModel {
    private final StringProperty counts = new SimpleStringProperty("");
    private final ObservableList<GridRunRow> runs = FXCollections.observableArrayList();
    private final ObservableList<GridRunRow> readOnlyRuns = FXCollections.unmodifiableObservableList(runs);
    private final FxLatest<GridStatus> bridge = new FxLatest<>(this::show);

    /** From any thread: Spark's listener bus and the driver's result thread both report. */
    public void offer(GridStatus status) {
        bridge.offer(status);
    }

    /** On the FX thread, before a study starts: no rows from the last grid. */
    public void clear() {
        counts.set("");
        runs.clear();
    }

    private void show(GridStatus s) {
        counts.set(s.counts());
        runs.setAll(s.runs().stream().map(GridRunRow::of).toList());
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts;
    }

    public ObservableList<GridRunRow> runs() {
        return readOnlyRuns;
    }
}
