package org.teracon.workbench.ui.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetFolder;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.data.ImportOptions;
import org.teracon.workbench.data.MovieLensImporter;
import org.teracon.workbench.experiment.Backend;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.ExperimentFiles;
import org.teracon.workbench.experiment.ExperimentRunner;
import org.teracon.workbench.experiment.Json;
import org.teracon.workbench.experiment.Methods;
import org.teracon.workbench.experiment.RunFolder;
import org.teracon.workbench.experiment.RunListener;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;

/**
 * The real engine: delegation only. Run folders are read with the engine's own file names and JSON
 * mapper (RunFolder, Json); when the engine's RunStore lands this class switches to it.
 */
public final class LiveEngine implements WorkbenchEngine {
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
    public RunResult run(ExperimentConfig config, Path outDir, RunListener listener, CancellationToken cancel) {
        return new ExperimentRunner().run(config, outDir, listener, cancel);
    }

    @Override
    public List<RunEntry> listRuns() {
        if (!Files.isDirectory(runsRoot)) return List.of();
        List<RunEntry> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runsRoot)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                entry(dir).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runsRoot, e);
        }
        return out;
    }

    private static java.util.Optional<RunEntry> entry(Path dir) {
        Path results = dir.resolve(RunFolder.RESULTS);
        Path experiment = dir.resolve(RunFolder.EXPERIMENT);
        String started = startedAt(dir);
        try {
            if (Files.isRegularFile(results)) {
                RunResult r = Json.read(results, RunResult.class);
                return java.util.Optional.of(new RunEntry(dir, r.runId(), r.config().method(), r.status(), r.config().dataset(), started));
            }
            if (Files.isRegularFile(experiment)) {
                ExperimentConfig c = ExperimentFiles.read(experiment);
                // No results yet: still running elsewhere, or killed before the first task finished.
                return java.util.Optional.of(new RunEntry(dir, dir.getFileName().toString(), c.method(), RunStatus.RUNNING, c.dataset(), started));
            }
        } catch (RuntimeException e) {
            return java.util.Optional.of(new RunEntry(dir, dir.getFileName().toString(), "?", RunStatus.FAILED, "unreadable: " + e.getMessage(), started));
        }
        return java.util.Optional.empty();
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
        return Json.read(results, RunResult.class);
    }
}
