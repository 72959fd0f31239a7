package org.teracon.workbench.app;

import java.nio.file.Path;
import java.util.Map;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.ExperimentRunner;
import org.teracon.workbench.experiment.RunListener;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.SinMoReference;
import org.teracon.workbench.experiment.SingleTaskReference;

/**
 * The runs the window and the command line both start: one experiment and one study. Each face adds
 * only its own way of showing progress and results, so both train exactly the same things.
 */
public final class Experiments {

    /** Where a run's FWT single-task reference comes from: a SinMo run cached beside the run folder. */
    public enum Reference {
        /** No FWT (unless the run is SinMo itself). */
        NONE,
        /** FWT once a SinMo run of the same setting has finished; never a hidden extra training (the window). */
        CACHED_ONLY,
        /** Trains the SinMo reference when none is cached (the CLI's run). */
        TRAIN_WHEN_MISSING
    }

    private Experiments() {
    }

    /** One run into {@code outDir}; the reference cache is shared by every run folder beside it. */
    public static RunResult run(ExperimentConfig config, Path outDir, RunListener listener, CancellationToken cancel, Reference reference) {
        return runner(outDir, reference).run(config, outDir, listener, cancel);
    }

    /** One run of an already loaded dataset; {@code force} replaces a run already in {@code outDir} (see OutputGuard). */
    public static RunResult run(ExperimentConfig config, org.teracon.workbench.data.Dataset dataset, Path outDir, RunListener listener,
                                CancellationToken cancel, Reference reference, boolean force) {
        return run(config, dataset, outDir, listener, cancel, reference, force, false);
    }

    /** @param keepAllCheckpoints after a completed run keep every stage's checkpoint, not the last one only */
    public static RunResult run(ExperimentConfig config, org.teracon.workbench.data.Dataset dataset, Path outDir, RunListener listener,
                                CancellationToken cancel, Reference reference, boolean force, boolean keepAllCheckpoints) {
        return runner(outDir, reference).replacing(force).keepingAllCheckpoints(keepAllCheckpoints).run(config, dataset, outDir, listener, cancel);
    }

    /**
     * Continues the cancelled, killed or failed run in {@code runDir} from its last checkpoint (the window's
     * Resume and {@code run --resume}); a completed run or a folder without checkpoints is refused.
     */
    public static RunResult resume(Path runDir, RunListener listener, CancellationToken cancel, Reference reference) {
        return resume(runDir, listener, cancel, reference, false);
    }

    public static RunResult resume(Path runDir, RunListener listener, CancellationToken cancel, Reference reference, boolean keepAllCheckpoints) {
        return runner(runDir, reference).keepingAllCheckpoints(keepAllCheckpoints).resume(runDir, listener, cancel);
    }

    /**
     * A run the window may offer to resume: not completed, with a checkpoint, and not being written now
     * (a killed run's results.json still says RUNNING; only its lock tells it from a live one).
     */
    public static boolean resumable(Path runDir, org.teracon.workbench.experiment.RunStatus status) {
        if (status == org.teracon.workbench.experiment.RunStatus.COMPLETED) return false;
        if (!new org.teracon.workbench.experiment.Checkpoints(runDir).any()) return false;
        try (var lock = org.teracon.workbench.experiment.RunLock.acquire(runDir)) {
            return true;
        } catch (IllegalStateException | java.io.UncheckedIOException held) {
            return false;
        }
    }

    private static ExperimentRunner runner(Path outDir, Reference reference) {
        Path cache = outDir.toAbsolutePath().getParent().resolve(SinMoReference.CACHE_FOLDER);
        SingleTaskReference r = switch (reference) {
            case NONE -> null;
            case CACHED_ONLY -> SinMoReference.cachedOnly(cache);
            case TRAIN_WHEN_MISSING -> new SinMoReference(cache);
        };
        return new ExperimentRunner(r);
    }

    /**
     * A study's runs one after another into {@code dir/<label>}, then its table when every run completed.
     *
     * @param withReference FWT for the study's runs (a SinMo run per setting); the tables do not need it
     */
    public static StudyOutcome study(StudyRequest request, Path dir, BatchRunner.Listener listener, CancellationToken cancel,
                                     boolean withReference) {
        return study(request, dir, listener, cancel, withReference, false);
    }

    /** @param force replace runs already in the study's folders (see OutputGuard) */
    public static StudyOutcome study(StudyRequest request, Path dir, BatchRunner.Listener listener, CancellationToken cancel,
                                     boolean withReference, boolean force) {
        return study(request, dir, listener, cancel, BatchRunner.Options.local(withReference, force));
    }

    /** @param options where the runs train (here or on Spark), FWT, force and resume */
    public static StudyOutcome study(StudyRequest request, Path dir, BatchRunner.Listener listener, CancellationToken cancel,
                                     BatchRunner.Options options) {
        var runs = request.plan();
        Map<String, RunResult> results = BatchRunner.run(runs, dir, listener, cancel, options);
        return StudyOutcome.of(request, dir, runs.size(), results);
    }

    /** The relations study over the listed seeds (TERACON, one run per seed), then its table. */
    public static StudyOutcome relationsStudy(StudyRequest request, java.util.List<Long> seeds, Path dir, BatchRunner.Listener listener,
                                              CancellationToken cancel) {
        return relationsStudy(request, seeds, dir, listener, cancel, BatchRunner.Options.local(false, false));
    }

    public static StudyOutcome relationsStudy(StudyRequest request, java.util.List<Long> seeds, Path dir, BatchRunner.Listener listener,
                                              CancellationToken cancel, BatchRunner.Options options) {
        org.teracon.workbench.experiment.RelationsStudy.relationsFile(request.base().dataset());
        var runs = org.teracon.workbench.experiment.RelationsStudy.plan(request.base(), seeds);
        Map<String, RunResult> results = BatchRunner.run(runs, dir, listener, cancel, options.withReference(false));
        return StudyOutcome.of(request, dir, runs.size(), results);
    }
}
