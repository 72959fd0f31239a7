package org.teracon.workbench.ui.vm;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.teracon.workbench.app.RunEntry;
import org.teracon.workbench.app.WorkbenchEngine;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.ui.engine.Background;

/** The runs/ folder: list, reopen and compare stored runs. All disk access runs in background Tasks. */
public final class HistoryViewModel {
    private final WorkbenchEngine engine;
    private final ObservableList<RunEntry> runs = FXCollections.observableArrayList();
    private final CompareViewModel comparison;
    private final StringProperty message = new SimpleStringProperty("");
    /** Words to find in a run's name, tags, method, dataset or study. */
    private final StringProperty filter = new SimpleStringProperty("");
    private final javafx.collections.transformation.FilteredList<RunEntry> shown = new javafx.collections.transformation.FilteredList<>(runs);

    public HistoryViewModel(WorkbenchEngine engine) {
        this.engine = engine;
        this.comparison = new CompareViewModel(engine);
        filter.addListener((o, was, now) -> shown.setPredicate(e -> e.matches(now)));
    }

    public void refresh() {
        Background.submit(engine::listRuns, list -> {
            // Unchanged lists are left alone: replacing them would drop the user's selection.
            if (!runs.equals(list)) runs.setAll(list);
            message.set(list.isEmpty() ? "No runs yet in the runs folder." : list.size() + " runs");
        }, t -> message.set("Cannot list runs: " + Background.describe(t)));
    }

    /** Loads a run and hands it, with its loss curves, to {@code show} on the FX thread. */
    /** True for a cancelled, killed or failed run with a checkpoint that no process is writing. */
    public boolean canResume(RunEntry entry) {
        return entry != null && engine.resumable(entry);
    }

    /** The run's experiment, read in the background, handed to {@code resume} on the FX thread. */
    public void resume(RunEntry entry, java.util.function.Consumer<RunResult> resume) {
        Background.submit(() -> engine.loadRun(entry.dir()), resume, e -> message.set("Cannot resume " + entry.runId() + ": " + e.getMessage()));
    }

    public void open(RunEntry entry, BiConsumer<RunResult, List<LossHistory>> show) {
        Background.submit(() -> new Loaded(engine.loadRun(entry.dir()), LossCsv.read(entry.dir())),
                l -> show.accept(l.result(), l.losses().stream().map(LossCsv.Curve::toHistory).toList()),
                t -> message.set("Cannot open " + entry.runId() + ": " + Background.describe(t)));
    }

    private record Loaded(RunResult result, List<LossCsv.Curve> losses) {
    }

    /** Compares the runs (or their seed groups) in the Compare view; it reads their files in the background. */
    public void compare(List<RunEntry> entries) {
        if (entries.size() < 2) {
            message.set("Select two or more runs to compare (Ctrl+click).");
            return;
        }
        comparison.load(entries);
    }

    /** Names, tags and notes a run: written to its run-info.json in the background, then the list is reread. */
    public void describe(RunEntry entry, String name, String tags, String note) {
        org.teracon.workbench.experiment.RunInfo info = new org.teracon.workbench.experiment.RunInfo(name, org.teracon.workbench.experiment.RunInfo.parseTags(tags), note);
        Background.submit(() -> {
            info.write(entry.dir());
            return info;
        }, i -> {
            message.set("Saved name and tags of " + entry.runId());
            refresh();
        }, t -> message.set("Cannot save run info: " + Background.describe(t)));
    }

    public ObservableList<RunEntry> runs() { return runs; }
    /** The runs that pass the filter. */
    public ObservableList<RunEntry> shownRuns() { return shown; }
    public StringProperty filterProperty() { return filter; }
    public CompareViewModel comparison() { return comparison; }
    public StringProperty messageProperty() { return message; }
}
