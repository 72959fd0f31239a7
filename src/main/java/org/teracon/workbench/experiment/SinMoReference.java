package org.teracon.workbench.experiment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.Task;
import org.teracon.workbench.method.params.ParamValues;

/**
 * FWT's single-task reference R̄: a SinMo run (a fresh model per task) on the same data, order, split
 * seed, backbone and schedule. Kept as an ordinary run folder under {@code cacheRoot}, keyed by a hash
 * of what SinMo depends on, so runs that share a setting train it once.
 */
public final class SinMoReference implements SingleTaskReference {
    /** The cache's folder name beside a runs folder; a dot folder, so the history does not list it. */
    public static final String CACHE_FOLDER = ".sinmo-reference";
    private final Path cacheRoot;
    private final boolean trainWhenMissing;

    /** Trains the SinMo reference when no cached one fits (the CLI's run and compare). */
    public SinMoReference(Path cacheRoot) {
        this(cacheRoot, true);
    }

    private SinMoReference(Path cacheRoot, boolean trainWhenMissing) {
        this.cacheRoot = cacheRoot;
        this.trainWhenMissing = trainWhenMissing;
    }

    /**
     * Uses a reference only when one is cached (a SinMo run with the same setting finished before):
     * the GUI does not start a hidden second training behind a run the user is watching.
     */
    public static SinMoReference cachedOnly(Path cacheRoot) {
        return new SinMoReference(cacheRoot, false);
    }

    private Path cacheDir(ExperimentConfig config) {
        return cacheRoot.resolve(hash(Json.write(sinmo(config))));
    }

    /** What SinMo depends on: the config without its method and the method's parameters. */
    private static ExperimentConfig sinmo(ExperimentConfig config) {
        return config.withMethod(METHOD).withParams(ParamValues.none());
    }

    /** Records a completed SinMo run as the reference of every config that differs from it only in method. */
    @Override
    public void remember(ExperimentConfig config, RunResult sinmoResult) {
        if (sinmoResult.status() == RunStatus.COMPLETED) {
            AtomicFiles.writeString(cacheDir(config).resolve(RunFolder.RESULTS), Json.write(sinmoResult));
        }
    }

    /**
     * The cached single-task scores (the SinMo run's diagonal) for {@code config}'s setting with {@code tasks}
     * tasks, or null when none is cached: for filling FWT into a run that finished before its reference.
     */
    public static double[] cachedScores(Path cacheRoot, ExperimentConfig config, int tasks) {
        RunResult r = cached(new SinMoReference(cacheRoot, false).cacheDir(config).resolve(RunFolder.RESULTS), tasks);
        if (r == null) return null;
        double[] ref = new double[tasks];
        for (int i = 0; i < tasks; i++) ref[i] = r.matrix().get(i, i);
        return ref;
    }

    @Override
    public double[] scores(ExperimentConfig config, Dataset dataset, List<Task> tasks, RunListener listener, CancellationToken cancel) {
        ExperimentConfig sinmo = sinmo(config);
        Path dir = cacheDir(config);
        RunResult r = cached(dir.resolve(RunFolder.RESULTS), tasks.size());
        if (r == null) {
            if (!trainWhenMissing) return null;
            // the cache folder is ours: an unfinished or discarded reference run in it is replaced
            String folder = dir.toString();
            r = new ExperimentRunner().replacing(true).run(sinmo, dataset, dir, e -> listener.onEvent(new RunEvent.ReferenceProgress(folder, e)), cancel);
        }
        if (r.status() == RunStatus.CANCELLED) throw new org.teracon.workbench.method.TrainingMonitor.CancelledException();
        if (r.status() != RunStatus.COMPLETED) throw new IllegalStateException("SinMo reference run failed: " + r.message());
        double[] ref = new double[r.matrix().size()];
        for (int i = 0; i < ref.length; i++) ref[i] = r.matrix().get(i, i);
        return ref;
    }

    /**
     * The cached reference when it is complete and fits (a finished run with one finite diagonal score
     * per task); a corrupt or unfinished one is discarded with a warning and null returned, so it is rebuilt.
     */
    static RunResult cached(Path results, int tasks) {
        if (!Files.exists(results)) return null;
        String why;
        try {
            RunResult r = Json.read(results, RunResult.class);
            if (r == null || r.status() != RunStatus.COMPLETED) {
                why = "its run did not complete";
            } else if (r.matrix() == null || r.matrix().size() != tasks) {
                why = "it holds " + (r.matrix() == null ? 0 : r.matrix().size()) + " tasks, not " + tasks;
            } else if (java.util.stream.IntStream.range(0, tasks).anyMatch(i -> !Double.isFinite(r.matrix().get(i, i)))) {
                why = "a score in it is not a number";
            } else {
                return r;
            }
        } catch (RuntimeException e) {
            why = "it cannot be read (" + e.getMessage() + ")";
        }
        if (why.equals("its run did not complete")) return null;
        System.err.println("warning: discarding the FWT reference cache " + results + ": " + why + "; rebuilding it");
        try {
            Files.deleteIfExists(results);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot discard the corrupt FWT reference cache " + results + ": " + AtomicFiles.describe(e), e);
        }
        return null;
    }

    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
