package org.teracon.workbench.ui.vm;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.teracon.workbench.app.StudyOutcome;
import org.teracon.workbench.app.StudyRequest;
import org.teracon.workbench.experiment.Studies;
import org.teracon.workbench.experiment.SeedTable;
import org.teracon.workbench.experiment.SeedList;
import org.teracon.workbench.app.WorkbenchEngine;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.GridExecutor;
import org.teracon.workbench.experiment.GridStatus;
import org.teracon.workbench.experiment.ResultTable;
import org.teracon.workbench.experiment.RunEvent;
import org.teracon.workbench.ui.engine.Background;
import org.teracon.workbench.ui.engine.FxEventBridge;

/**
 * One of the paper's studies as a batch of runs in a Service: "run i of n" progress, cancel, and the
 * paper-style table at the end. The current run's events go to {@code live} (the run views) through
 * the FX event bridge, so a study looks like a sequence of ordinary live runs.
 */
public final class StudyViewModel {
    private final WorkbenchEngine engine;
    private final FxEventBridge bridge;
    private final Service<StudyOutcome> service;
    private StudyRequest pending;
    /** Where the pending study trains: null here, else a Spark master. */
    private String pendingMaster;
    /** The seeds the pending study runs over (the form's Seeds field). */
    private SeedList pendingSeeds;
    private CancellationToken token = new CancellationToken();
    /** Hears (index, total) on the FX thread before each run's events: the run views span the study with it. */
    private java.util.function.BiConsumer<Integer, Integer> onRunStarting = (i, n) -> {
    };
    private Consumer<StudyOutcome> onFinished = o -> {
    };

    private final StringProperty permutations = new SimpleStringProperty("2");
    private final IntegerProperty noisyPosition = new SimpleIntegerProperty(2);
    /** False: the noisy study takes the Experiment tab's position; true: {@link #noisyPosition}, the study's own. */
    private final javafx.beans.property.BooleanProperty ownNoisyPosition = new javafx.beans.property.SimpleBooleanProperty(false);
    private final ObjectProperty<StudyOutcome> outcome = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("No study run yet.");
    private final StringProperty error = new SimpleStringProperty("");
    /** "Run on": false = this JVM, one run after another; true = Spark at {@link #sparkMaster}. */
    private final javafx.beans.property.BooleanProperty onSpark = new javafx.beans.property.SimpleBooleanProperty(false);
    private final StringProperty sparkMaster = new SimpleStringProperty("local[2]");
    private final boolean sparkAvailable;
    private final GridProgressViewModel grid = new GridProgressViewModel();

    public StudyViewModel(WorkbenchEngine engine, Consumer<List<RunEvent>> live) {
        this.engine = engine;
        this.bridge = new FxEventBridge(live);
        this.sparkAvailable = engine.sparkAvailable();
        this.service = new Service<>() {
            @Override
            protected Task<StudyOutcome> createTask() {
                return new StudyTask(pending, pendingSeeds, token);
            }
        };
        service.setExecutor(Background.executor());
        service.setOnSucceeded(e -> finished(service.getValue()));
        service.setOnFailed(e -> {
            String m = "Study failed: " + Background.describe(service.getException());
            status.set(m);
            error.set(m);
        });
    }

    /** N random permutations for the order study, from the text field; IllegalArgumentException with a message. */
    public int permutations() {
        try {
            int n = Integer.parseInt(permutations.get().trim());
            if (n < 0 || n > 50) throw new IllegalArgumentException("Random permutations must be between 0 and 50, got " + n + ".");
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Random permutations must be a whole number, got \"" + permutations.get() + "\".");
        }
    }

    /**
     * The Spark master the next study trains on, checked by the engine (a bad URL, Spark missing), or null
     * for this JVM; IllegalArgumentException with a message.
     */
    public String gridMaster() {
        if (!onSpark.get()) return null;
        if (!sparkAvailable) throw new IllegalArgumentException(sparkUnavailableText());
        String m = sparkMaster.get() == null ? "" : sparkMaster.get().trim();
        engine.checkSparkMaster(m);
        return m;
    }

    /** Starts a study here, one run after another; ignored while one runs. */
    public void start(StudyRequest request) {
        start(request, null);
    }

    /** Starts a study, its runs as Spark tasks on {@code master} unless null (see {@link #gridMaster}); ignored while one runs. */
    public void start(StudyRequest request, String master) {
        start(request, SeedList.single(request.base().seed()), master);
    }

    /** As {@link #start(StudyRequest, String)}, once per seed of {@code seeds}: the table then reads mean ± std (n). */
    public void start(StudyRequest request, SeedList seeds, String master) {
        if (service.isRunning()) return;
        pending = request;
        pendingMaster = master;
        pendingSeeds = seeds;
        token = new CancellationToken();
        outcome.set(null);
        error.set("");
        grid.clear();
        String head = request.name().substring(0, 1).toUpperCase() + request.name().substring(1) + ": " + planned(request, seeds) + " runs"
                + (seeds.size() > 1 ? " (" + seeds.size() + " seeds)" : "");
        status.set(master == null ? head + ", one after another; Cancel stops the current run and skips the rest."
                : head + " as Spark tasks on " + master + "; Cancel stops the Spark job.");
        service.restart();
    }

    /** Stops the current run within one batch; the remaining runs are skipped. */
    public void cancel() {
        if (!service.isRunning()) return;
        token.cancel();
        status.set("Cancelling the study after the current batch …");
    }

    public void setOnRunStarting(java.util.function.BiConsumer<Integer, Integer> c) {
        onRunStarting = c;
    }

    public void setOnFinished(Consumer<StudyOutcome> c) {
        onFinished = c;
    }

    private void finished(StudyOutcome o) {
        outcome.set(o);
        status.set(o.summary());
        // A cancel the user asked for is not an error; a failed run or an unfillable table is.
        if (o.failedRuns() > 0 || (o.table() == null && !o.cancelled())) error.set(o.summary());
        onFinished.accept(o);
    }

    /** The batch on a worker thread: progress through the Task, run events through the bridge. */
    private final class StudyTask extends Task<StudyOutcome> {
        private final StudyRequest request;
        private final SeedList seeds;
        private final CancellationToken cancel;
        private int current;

        StudyTask(StudyRequest request, SeedList seeds, CancellationToken cancel) {
            this.request = request;
            this.seeds = seeds;
            this.cancel = cancel;
        }

        @Override
        protected StudyOutcome call() {
            int planned = planned(request, seeds);
            Path dir = engine.newStudyDir(request.kind().name().toLowerCase());
            updateMessage("Run 1 of " + planned);
            updateProgress(0, planned);
            String master = pendingMaster;
            StudyOutcome o = engine.study(request, seeds, dir, master, new BatchRunner.Listener() {
                @Override
                public void runStarting(int index, int total, String label) {
                    // Spark's runs overlap and their epochs stay on the executors: progress comes from gridStatus
                    if (master != null) return;
                    current = index;
                    updateMessage("Run " + (index + 1) + " of " + total + ": " + label);
                    FxEventBridge.onFx(() -> onRunStarting.accept(index, total));
                    updateProgress(index, total);
                }

                @Override
                public void onEvent(String label, RunEvent event) {
                    if (event instanceof RunEvent.BatchProgress b) {
                        updateProgress(current + Math.max(0, Math.min(1, b.overallFraction())), planned);
                    }
                    bridge.onEvent(event);
                }

                @Override
                public void gridStatus(GridStatus s) {
                    grid.offer(s);
                    updateProgress(s.done() + s.failed(), planned);
                    updateMessage("Spark " + master + ": " + s.counts());
                }
            }, cancel);
            updateProgress(planned, planned);
            updateMessage(o.cancelled() ? "Cancelled" : "Done: " + planned + " runs");
            return o;
        }
    }

    public ReadOnlyBooleanProperty runningProperty() { return service.runningProperty(); }
    public boolean isRunning() { return service.isRunning(); }
    public ReadOnlyDoubleProperty progressProperty() { return service.progressProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return service.messageProperty(); }
    public StringProperty permutationsProperty() { return permutations; }
    public IntegerProperty noisyPositionProperty() { return noisyPosition; }
    public javafx.beans.property.BooleanProperty ownNoisyPositionProperty() { return ownNoisyPosition; }
    public ObjectProperty<StudyOutcome> outcomeProperty() { return outcome; }
    public StringProperty statusProperty() { return status; }
    public StringProperty errorProperty() { return error; }
    public javafx.beans.property.BooleanProperty onSparkProperty() { return onSpark; }
    public StringProperty sparkMasterProperty() { return sparkMaster; }
    /** False in the desktop jar (no Spark on its classpath): the window disables the Spark choice. */
    public boolean sparkAvailable() { return sparkAvailable; }
    /** How to get Spark, when it is missing: the line the CLI prints for {@code --spark}; else "". */
    public String sparkUnavailableText() { return sparkAvailable ? "" : GridExecutor.SPARK_MISSING; }
    public GridProgressViewModel grid() { return grid; }

    /** Convenience for views: the table of the last study, or null. */
    /** How many runs a study makes over {@code seeds}: the relations study's plan is one run per seed. */
    static int planned(StudyRequest request, SeedList seeds) {
        if (seeds.size() == 1) return request.plan().size();
        return request.kind() == Studies.Kind.RELATIONS ? seeds.size() : request.plan().size() * seeds.size();
    }

    /** Over several seeds the table with every cell as mean ± std (n); null for one seed or no table. */
    public SeedTable seedTable() {
        StudyOutcome o = outcome.get();
        return o == null ? null : o.seedTable();
    }

    public ResultTable table() {
        return outcome.get() == null ? null : outcome.get().table();
    }
}
