package org.teracon.workbench.experiment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.teracon.workbench.method.Checkpointer;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.RunRandom;

/**
 * A run's checkpoints, {@code <run>/checkpoint/stage-<s>/}: {@code start.bin} before stage s trains (the
 * method object with every parameter, mask, task embedding and frozen copy it holds, the run's random
 * stream and the runner's progress so far) and {@code epoch.bin}, rewritten after every epoch of stage
 * s (the epoch loop's {@link Checkpointer.EpochState} and the runner's progress at that moment). Both
 * are Java serialisation, written atomically, so a kill leaves the previous complete file. A resumed
 * run rebuilds stage s from {@code start.bin} (its setup draws the same numbers again) and continues
 * after the epoch in {@code epoch.bin}.
 */
public final class Checkpoints {
    public static final String FOLDER = "checkpoint";
    static final String START = "start.bin";
    static final String EPOCH = "epoch.bin";
    private final Path dir;
    private int openedStage = -1;
    private Resume pending;

    public Checkpoints(Path runDir) {
        this.dir = runDir.resolve(FOLDER);
    }

    /** The runner's own bookkeeping that the run's files are made from. */
    record Progress(AccuracyMatrix matrix, MaskSimilarityTable masks, List<RunResult.Evaluation> evaluations,
                    List<java.util.Map<String, Double>> rates, List<Double> stageSeconds, List<Double> epochSeconds,
                    List<Double> currentEpochs, List<RunResult.Epoch> epochs, List<RunFolder.LossRow> losses,
                    long doneBatches, long skippedTotal, int skippedInARow, double elapsedSeconds) implements Serializable {
    }

    record Start(Object method, RunRandom random, Progress progress) implements Serializable {
    }

    record Epoch(Checkpointer.EpochState state, Progress progress) implements Serializable {
    }

    /** Where a resumed run starts: the stage's start, and its last epoch when one was checkpointed. */
    record Resume(int stage, ContinualMethod method, RunRandom random, Progress progress, Checkpointer.EpochState epoch) {
        int epochsDone() {
            return epoch == null ? 0 : epoch.epoch();
        }
    }

    public boolean any() {
        return latestStage() >= 0;
    }

    void saveStart(int stage, ContinualMethod method, RunRandom random, Progress progress) {
        Path stageDir = stageDir(stage);
        try {
            Files.deleteIfExists(stageDir.resolve(EPOCH));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + stageDir.resolve(EPOCH) + ": " + AtomicFiles.describe(e), e);
        }
        write(stageDir.resolve(START), new Start(method, random, progress));
    }

    /** The epoch loop's checkpoints for this run; progress is read when an epoch ends. */
    Checkpointer checkpointer(Supplier<Progress> progress) {
        return stage -> {
            if (stage == openedStage) return Checkpointer.Session.NONE; // a stage's second loop (Conure's retraining)
            openedStage = stage;
            Checkpointer.EpochState resume = pending != null && pending.stage() == stage ? pending.epoch() : null;
            pending = null;
            return new Checkpointer.Session() {
                @Override
                public Checkpointer.EpochState resumePoint() {
                    return resume;
                }

                @Override
                public void epochEnded(Checkpointer.EpochState state) {
                    write(stageDir(stage).resolve(EPOCH), new Epoch(state, progress.get()));
                }
            };
        };
    }

    /** The last complete checkpoint, or null when there is none. */
    Resume latest() {
        int stage = latestStage();
        if (stage < 0) return null;
        Start start = (Start) read(stageDir(stage).resolve(START));
        Path epochFile = stageDir(stage).resolve(EPOCH);
        Epoch epoch = Files.isRegularFile(epochFile) ? (Epoch) read(epochFile) : null;
        Resume r = new Resume(stage, (ContinualMethod) start.method(), start.random(),
                epoch == null ? start.progress() : epoch.progress(), epoch == null ? null : epoch.state());
        pending = r;
        return r;
    }

    /** Keeps only the last stage's checkpoint (a finished run's), unless {@code keepAll}. */
    void prune(boolean keepAll) {
        int last = latestStage();
        if (keepAll || last < 0) return;
        for (int s = 0; s < last; s++) deleteTree(stageDir(s));
    }

    /** Removes the checkpoints of a run this folder held before (only our own stage folders). */
    public void clear() {
        int last = latestStage();
        for (int s = 0; s <= last; s++) deleteTree(stageDir(s));
    }

    private int latestStage() {
        if (!Files.isDirectory(dir)) return -1;
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> Files.isRegularFile(p.resolve(START)))
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("stage-\\d+"))
                    .mapToInt(n -> Integer.parseInt(n.substring("stage-".length())))
                    .max().orElse(-1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + AtomicFiles.describe(e), e);
        }
    }

    Path stageDir(int stage) {
        return dir.resolve("stage-" + stage);
    }

    private static void write(Path file, Serializable content) {
        AtomicFiles.write(file, tmp -> {
            try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeObject(content);
            }
        });
    }

    private static Object read(Path file) {
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            return in.readObject();
        } catch (InvalidClassException e) {
            throw new IllegalArgumentException(file + " was written by another version of the workbench and cannot be resumed", e);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("cannot read the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + p + ": " + AtomicFiles.describe(e), e);
        }
    }
}
