package org.teracon.workbench.ui.vm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.teracon.workbench.app.WorkbenchEngine;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.ui.engine.Background;

/** The open dataset: loaded in a Service so a large folder never freezes the window. */
public final class DatasetViewModel {
    private final WorkbenchEngine engine;
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final ObservableList<TaskRow> tasks = FXCollections.observableArrayList();
    private final ObservableList<String> reportLines = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty("");
    /** What is loading and from where, with the time it has taken so far, while the loader runs. */
    private final StringProperty loadingText = new SimpleStringProperty("");
    private final javafx.animation.Timeline clock = new javafx.animation.Timeline();
    private long loadingSince;
    private String loadingWhat = "";
    private final StringProperty summary = new SimpleStringProperty("No dataset open");
    private final Service<Dataset> loader;

    public DatasetViewModel(WorkbenchEngine engine) {
        this.engine = engine;
        this.loader = new Service<>() {
            @Override
            protected Task<Dataset> createTask() {
                Path dir = pending;
                Job job = pendingJob;
                return new Task<>() {
                    @Override
                    protected Dataset call() {
                        updateMessage("Loading " + dir + " …");
                        return job.run(dir);
                    }
                };
            }
        };
        loader.setExecutor(Background.executor());
        clock.getKeyFrames().add(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
        clock.setCycleCount(javafx.animation.Animation.INDEFINITE);
        loader.runningProperty().addListener((o, was, now) -> {
            if (now) clock.play();
            else {
                clock.stop();
                loadingText.set("");
            }
        });
        loader.setOnSucceeded(e -> show(loader.getValue(), pending));
        loader.setOnFailed(e -> error.set("Cannot open " + pending + ": " + Background.describe(loader.getException())));
    }

    private interface Job {
        Dataset run(Path p);
    }

    private Path pending;
    private Job pendingJob;

    public void open(Path dir) {
        loadingWhat = "Loading dataset " + dir.toAbsolutePath();
        start(dir, engine::loadDataset);
    }

    /** Imports raw MovieLens from {@code source} into the dataset folder {@code target}, then shows it. */
    public void importMovieLens(Path source, int sequenceLength, int minSequence, Path target) {
        importMovieLens(source, sequenceLength, minSequence, target, false);
    }

    /** {@code replace}: the user agreed to replace the dataset folder this tool wrote at {@code target}. */
    public void importMovieLens(Path source, int sequenceLength, int minSequence, Path target, boolean replace) {
        loadingWhat = "Importing MovieLens from " + source.toAbsolutePath() + " into " + target.toAbsolutePath()
                + " (reading ratings, building sequences and tasks, writing the folder)";
        start(target, p -> engine.importMovieLens(source, sequenceLength, minSequence, target, replace));
    }

    /** True when {@code target} holds a dataset folder this tool wrote (the window then asks before replacing it). */
    public boolean holdsOurDataset(Path target) {
        return engine.holdsOurDataset(target);
    }

    private void start(Path dir, Job job) {
        pending = dir;
        pendingJob = job;
        error.set("");
        loadingSince = System.nanoTime();
        loadingText.set(loadingWhat + " …");
        loader.restart();
    }

    private void tick() {
        if (!loader.isRunning()) return;
        long s = (System.nanoTime() - loadingSince) / 1_000_000_000L;
        loadingText.set(loadingWhat + " … " + s + " s");
    }

    /** Fills the table and report from a loaded dataset (FX thread). */
    void show(Dataset d, Path dir) {
        folder.set(dir);
        tasks.setAll(IntStream.range(0, d.tasks().size()).mapToObj(i -> TaskRow.of(i + 1, d.tasks().get(i))).toList());
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> c : d.report().counts().entrySet()) lines.add(c.getKey() + ": " + c.getValue());
        for (String w : d.report().warnings()) lines.add("warning: " + w);
        if (lines.isEmpty()) lines.add("Loaded cleanly: nothing skipped, no warnings.");
        reportLines.setAll(lines);
        summary.set(d.name() + " — " + d.numUsers() + " users, " + (d.vocabularySize() - 1) + " items, "
                + d.tasks().size() + " tasks, sequence length " + d.sequenceLength());
        dataset.set(d);
    }

    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    public Dataset getDataset() {
        return dataset.get();
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    public ObservableList<TaskRow> tasks() {
        return tasks;
    }

    public ObservableList<String> reportLines() {
        return reportLines;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty loadingTextProperty() {
        return loadingText;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loader.runningProperty();
    }

    public BooleanBinding emptyProperty() {
        return Bindings.isNull(dataset);
    }
}
