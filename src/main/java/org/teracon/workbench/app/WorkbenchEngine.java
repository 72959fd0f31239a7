package org.teracon.workbench.app;

import java.nio.file.Path;
import java.util.List;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.RunListener;
import org.teracon.workbench.experiment.RunResult;

/**
 * Everything the GUI asks of the engine, in one narrow seam: the view models depend on this and not
 * on the engine's classes, so they can be unit-tested without training a model. All methods may
 * block; the window calls them from background workers only, never from the FX thread.
 */
public interface WorkbenchEngine {

    Dataset loadDataset(Path dir);

    /** Imports a raw MovieLens folder and writes it as a dataset folder at {@code target}. */
    Dataset importMovieLens(Path source, int sequenceLength, int minSequence, Path target);

    /** As {@link #importMovieLens}, replacing a dataset folder this tool wrote at {@code target} when {@code replace}. */
    default Dataset importMovieLens(Path source, int sequenceLength, int minSequence, Path target, boolean replace) {
        return importMovieLens(source, sequenceLength, minSequence, target);
    }

    /** True when {@code target} holds a dataset folder this tool wrote (which an import may replace when asked). */
    default boolean holdsOurDataset(Path target) {
        return false;
    }

    List<String> methodNames();

    String backend();

    Path newRunDir(ExperimentConfig config);

    RunResult run(ExperimentConfig config, Path outDir, RunListener listener, CancellationToken cancel);

    /** A new, empty folder {@code runsRoot/<timestamp>-<kind>-study} for one study's runs. */
    Path newStudyDir(String kind);

    /** Runs a study into {@code dir/<label>} and writes its table beside the runs when every run completed. */
    StudyOutcome study(StudyRequest request, Path dir, BatchRunner.Listener listener, CancellationToken cancel);

    /**
     * As {@link #study}, with the runs as Spark tasks on {@code sparkMaster} (null: here, one after another);
     * the listener then hears {@link BatchRunner.Listener#gridStatus} instead of the runs' epochs.
     */
    default StudyOutcome study(StudyRequest request, Path dir, String sparkMaster, BatchRunner.Listener listener, CancellationToken cancel) {
        if (sparkMaster == null) return study(request, dir, listener, cancel);
        throw new IllegalArgumentException(org.teracon.workbench.experiment.GridExecutor.SPARK_MISSING);
    }

    /**
     * As {@link #study(StudyRequest, Path, String, BatchRunner.Listener, CancellationToken)} over {@code seeds}: one
     * seed runs as before (with that seed); several run the study once per seed under {@code dir/seed-<s>/} and
     * the outcome's table holds the means, its seed table mean ± std (n).
     */
    default StudyOutcome study(StudyRequest request, org.teracon.workbench.experiment.SeedList seeds, Path dir, String sparkMaster,
                               BatchRunner.Listener listener, CancellationToken cancel) {
        if (seeds.size() == 1) return study(request.withSeed(seeds.seeds().get(0)), dir, sparkMaster, listener, cancel);
        throw new UnsupportedOperationException("this engine runs a study over one seed only");
    }

    /** True when studies can run on Spark here (Spark on the classpath: the -Pspark build, not the desktop jar). */
    default boolean sparkAvailable() {
        return false;
    }

    /** Checks a Spark master before a study starts: IllegalArgumentException with the reason (bad URL, no Spark). */
    default void checkSparkMaster(String master) {
        throw new IllegalArgumentException(org.teracon.workbench.experiment.GridExecutor.SPARK_MISSING);
    }

    /** Run folders, newest first; the runs inside study folders are listed too. */
    List<RunEntry> listRuns();

    RunResult loadRun(Path runDir);

    /** True for a run the window may resume: not completed, with a checkpoint, not being written now. */
    default boolean resumable(RunEntry entry) {
        return false;
    }

    /** Continues a cancelled, killed or failed run from its last checkpoint, into the same folder. */
    default RunResult resume(Path runDir, RunListener listener, CancellationToken cancel) {
        throw new UnsupportedOperationException("this engine cannot resume runs");
    }
}
