package org.teracon.workbench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetFolder;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.data.ImportOptions;
import org.teracon.workbench.data.MovieLensImporter;
import org.teracon.workbench.experiment.AtomicFiles;
import org.teracon.workbench.experiment.Backend;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.ExperimentFiles;
import org.teracon.workbench.experiment.ExperimentRunner;
import org.teracon.workbench.experiment.GridExecutor;
import org.teracon.workbench.experiment.Json;
import org.teracon.workbench.experiment.Methods;
import org.teracon.workbench.experiment.RunFolder;
import org.teracon.workbench.experiment.RunListener;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;

/**
 * The real engine for the window, bound to one runs folder: delegation only, runs and studies through
 * {@link Experiments} as the CLI starts them. Run folders are read with the engine's own file names and
 * JSON mapper (RunFolder, Json), so the window reads exactly the folders the CLI writes.
 */
public final class LiveEngine implements WorkbenchEngine {
    /** Study folders end with this; the history looks inside them. */
    public static final String STUDY_SUFFIX = "-study";
    /** A study folder's table, as .csv, .md and .tex. */
    public static final String STUDY_TABLE = "study";
    private final Path runsRoot;

    public LiveEngine(Path runsRoot) {
        this.runsRoot = runsRoot;
    }

    @Override
    public Dataset loadDataset(Path dir) {
        return DatasetLoader.load(dir);
    }

    @Override
    public Dataset importMovieLens(Path source, int sequenceLength, int minSequence, Path target) {
        return importMovieLens(source, sequenceLength, minSequence, target, false);
    }

    @Override
    public boolean holdsOurDataset(Path target) {
        return org.teracon.workbench.data.DatasetOutput.isOurs(target);
    }

    @Override
    public Dataset importMovieLens(Path source, int sequenceLength, int minSequence, Path target, boolean replace) {
        // replaces only a dataset folder this tool wrote, and only when the user said so; anything else is refused
        org.teracon.workbench.data.DatasetOutput.check(target, replace, List.of(source));
        Dataset d = MovieLensImporter.importFrom(source, new ImportOptions(sequenceLength, minSequence));
        DatasetFolder.write(d, target);
        return d;
    }

    @Override
    public List<String> methodNames() {
        return Methods.names();
    }

    @Override
    public String backend() {
        return Backend.describe();
    }

    @Override
    public Path newRunDir(ExperimentConfig config) {
        Path dir = runsRoot.resolve(ExperimentRunner.newRunId(config));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + dir, e);
        }
    }

    @Override
    public Path newStudyDir(String kind) {
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path dir = runsRoot.resolve(stamp + "-" + kind + STUDY_SUFFIX);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create study folder " + dir, e);
        }
    }

    @Override
    public StudyOutcome study(StudyRequest request, Path dir, BatchRunner.Listener listener, CancellationToken cancel) {
        return study(request, dir, null, listener, cancel);
    }

    @Override
    public StudyOutcome study(StudyRequest request, Path dir, String sparkMaster, BatchRunner.Listener listener, CancellationToken cancel) {
        // FWT references as the window's local studies always had them; only where the runs train differs
        var options = new BatchRunner.Options(true, false, false, GridExecutor.forMaster(sparkMaster, java.util.Map.of()));
        StudyOutcome o = Experiments.study(request, dir, listener, cancel, options);
        writeTable(dir, o);
        return o;
    }

    @Override
    public StudyOutcome study(StudyRequest request, org.teracon.workbench.experiment.SeedList seeds, Path dir, String sparkMaster,
                              BatchRunner.Listener listener, CancellationToken cancel) {
        if (seeds.size() == 1) return study(request.withSeed(seeds.seeds().get(0)), dir, sparkMaster, listener, cancel);
        var options = new BatchRunner.Options(true, false, false, GridExecutor.forMaster(sparkMaster, java.util.Map.of()));
        if (request.kind() == org.teracon.workbench.experiment.Studies.Kind.RELATIONS) {
            // its table already has a column per seed (as the CLI's --seeds)
            StudyOutcome o = Experiments.relationsStudy(request, seeds.seeds(), dir, listener, cancel, options);
            writeTable(dir, o);
            return o;
        }
        StudyOutcome o = StudyOutcome.ofSeeds(request, dir, SeedRuns.study(request, seeds, dir, listener, cancel, options));
        if (o.seedTable() != null) {
            AtomicFiles.writeString(dir.resolve(STUDY_TABLE + ".csv"), o.seedTable().csv());
            AtomicFiles.writeString(dir.resolve(STUDY_TABLE + ".md"), o.seedTable().markdown());
            AtomicFiles.writeString(dir.resolve(STUDY_TABLE + ".tex"),
                    org.teracon.workbench.experiment.LatexTable.of(org.teracon.workbench.experiment.PaperTables.of(o.seedTable())));
        }
        return o;
    }

    private static void writeTable(Path dir, StudyOutcome o) {
        if (o.table() == null) return;
        // The table beside its runs: the study folder is then a complete record on its own.
        AtomicFiles.writeString(dir.resolve(STUDY_TABLE + ".csv"), o.table().csv());
        AtomicFiles.writeString(dir.resolve(STUDY_TABLE + ".md"), o.table().markdown());
        AtomicFiles.writeString(dir.resolve(STUDY_TABLE + ".tex"),
                org.teracon.workbench.experiment.LatexTable.of(org.teracon.workbench.experiment.PaperTables.of(o.table())));
    }

    @Override
    public boolean sparkAvailable() {
        return GridExecutor.sparkAvailable();
    }

    @Override
    public void checkSparkMaster(String master) {
        if (master == null || master.isBlank()) throw new IllegalArgumentException("Enter a Spark master: local[2], spark://host:7077, ...");
        // builds the executor without starting Spark: a bad URL or a missing Spark is refused before any folder is made
        GridExecutor.forMaster(master, java.util.Map.of());
    }

    @Override
    public RunResult run(ExperimentConfig config, Path outDir, RunListener listener, CancellationToken cancel) {
        return Experiments.run(config, outDir, listener, cancel, Experiments.Reference.CACHED_ONLY);
    }

    @Override
    public boolean resumable(RunEntry entry) {
        return Experiments.resumable(entry.dir(), entry.status());
    }

    @Override
    public RunResult resume(Path runDir, RunListener listener, CancellationToken cancel) {
        return Experiments.resume(runDir, listener, cancel, Experiments.Reference.CACHED_ONLY);
    }

    @Override
    public List<RunEntry> listRuns() {
        if (!Files.isDirectory(runsRoot)) return List.of();
        List<RunEntry> out = new ArrayList<>();
        for (Path dir : subfolders(runsRoot, Comparator.reverseOrder())) {
            if (dir.getFileName().toString().endsWith(STUDY_SUFFIX) || Files.isRegularFile(dir.resolve(org.teracon.workbench.experiment.SeedGroup.GROUP_JSON))) {
                // A study's (or a seed group's) runs live one level down; "study/label" keeps them apart from each other.
                String study = dir.getFileName().toString();
                for (Path run : subfolders(dir, Comparator.naturalOrder())) {
                    entry(run).map(e -> new RunEntry(e.dir(), study + "/" + e.runId(), e.method(), e.status(), e.dataset(), e.startedAt(),
                                    e.name(), e.tags(), study, e.order(), e.settings(), e.meanFinal(), e.meanBwt(), e.seconds()))
                            .ifPresent(out::add);
                }
            } else {
                entry(dir).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Visible subfolders only: BatchRunner keeps its SinMo reference cache in a dot folder. */
    private static List<Path> subfolders(Path dir, Comparator<Path> order) {
        try (Stream<Path> dirs = Files.list(dir)) {
            return dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).sorted(order).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static Optional<RunEntry> entry(Path dir) {
        Path results = dir.resolve(RunFolder.RESULTS);
        Path experiment = dir.resolve(RunFolder.EXPERIMENT);
        String started = startedAt(dir);
        try {
            if (Files.isRegularFile(results)) {
                RunResult r = Json.read(results, RunResult.class);
                return Optional.of(RunEntries.of(dir, r.runId(), r.config(), r.status(), started, r));
            }
            if (Files.isRegularFile(experiment)) {
                ExperimentConfig c = ExperimentFiles.read(experiment);
                // No results yet: still running elsewhere, or killed before the first task finished.
                return Optional.of(RunEntries.of(dir, dir.getFileName().toString(), c, RunStatus.RUNNING, started, null));
            }
        } catch (RuntimeException e) {
            return Optional.of(new RunEntry(dir, dir.getFileName().toString(), "?", RunStatus.FAILED, "unreadable: " + e.getMessage(), started,
                    dir.getFileName().toString(), java.util.List.of(), "", java.util.List.of(), "", Double.NaN, Double.NaN, Double.NaN));
        }
        return Optional.empty();
    }

    private static String startedAt(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve(RunFolder.EXPERIMENT)).toInstant().toString().replace('T', ' ').substring(0, 19);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public RunResult loadRun(Path runDir) {
        Path results = runDir.resolve(RunFolder.RESULTS);
        if (!Files.isRegularFile(results)) throw new IllegalArgumentException(runDir + " has no " + RunFolder.RESULTS + " (the run never finished a task)");
        return withCachedReference(runDir, Json.read(results, RunResult.class));
    }

    /**
     * FWT for a run that finished before the SinMo reference of its setting existed: taken from the reference
     * cache beside the run when it is there now. Shown only; the run's own files stay as the run wrote them.
     */
    static RunResult withCachedReference(Path runDir, RunResult r) {
        if (r == null || r.matrix() == null || r.config() == null || r.transfer() == null || r.transfer().size() < 2) return r;
        if (org.teracon.workbench.experiment.SingleTaskReference.METHOD.equalsIgnoreCase(r.config().method())) return r;
        boolean missing = r.transfer().stream().skip(1).anyMatch(row -> Double.isNaN(row.fwt()));
        if (!missing || r.matrix().lastStage() < 0) return r;
        Path cache = runDir.toAbsolutePath().getParent().resolve(org.teracon.workbench.experiment.SinMoReference.CACHE_FOLDER);
        double[] ref = org.teracon.workbench.experiment.SinMoReference.cachedScores(cache, r.config(), r.matrix().size());
        return ref == null ? r : r.withTransfer(org.teracon.workbench.experiment.TransferScores.of(r.matrix(), ref));
    }
}
