package org.teracon.workbench.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.Task;
import org.teracon.workbench.data.TaskKind;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.model.GemmLanes;

/**
 * Speed and memory of real training steps, reported against the same machine's plain matrix-multiply
 * peak measured in the same process, so the ratio means something across machines.
 */
public final class Benchmark {

    /**
     * One method's stage: speed over its timed steps and the process's memory once the stage (training and
     * evaluation) is done — resident size, the stage's peak and where it sits ({@link StageMemory}).
     */
    public record Stage(String method, int stage, String task, int batch, long steps, double stepsPerSecond,
                        double usefulGflops, double ratioToMatmulPeak, StageMemory memory) {
        public long rssBytes() {
            return memory.rssBytes();
        }

        public long peakRssBytes() {
            return memory.peakRssBytes();
        }
    }

    /** @param peakPhysicalBytes the largest process size javacpp read after any batch */
    public record Result(List<Stage> stages, long peakPhysicalBytes, long heapUsedBytes) {
    }

    /** torch_tcn.py's default {@code --warmup}: the steps the peer leaves out of its timing. */
    static final int PEER_WARMUP_STEPS = 5;

    private Benchmark() {
    }

    /**
     * The first steps of a stage that are not timed: as many as the peer leaves out when the epoch has at
     * least four times that many batches (JIT compilation and the workspaces' first sizing fall there),
     * otherwise only the first.
     */
    static int warmupSteps(int batches) {
        return batches >= 4 * PEER_WARMUP_STEPS ? PEER_WARMUP_STEPS : 1;
    }

    /**
     * GFLOP/s of an n×n float matrix product into a preallocated result, best of {@code reps}: a fresh
     * 4 MB result array costs ND4J several milliseconds to allocate, which is not the GEMM's rate.
     */
    public static double matmulGflops(int n, int reps) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        // the better of BLAS on every core and the engine's two lanes: whichever the machine does best
        Nd4j.factory().blas().setMaxThreads(Runtime.getRuntime().availableProcessors());
        double blasThreads;
        try {
            blasThreads = bestGflops(n, reps, () -> Nd4j.gemm(a, b, c, false, false, 1.0, 0.0), c);
        } finally {
            GemmLanes.configureBlas();
        }
        double lanes = bestGflops(n, reps, () -> GemmLanes.gemm(a, b, c, false, false, 1.0, 0.0), c);
        return Math.max(blasThreads, lanes);
    }

    private static double bestGflops(int n, int reps, Runnable gemm, INDArray c) {
        gemm.run(); // warm-up
        double best = 0;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            gemm.run();
            c.getDouble(0);
            double s = (System.nanoTime() - t0) / 1e9;
            best = Math.max(best, 2.0 * n * n * n / s / 1e9);
        }
        return best;
    }

    /**
     * Forward FLOPs per training row of a stage: the convolutions over all positions plus the head
     * (every position for next-item, the last one otherwise); backward ≈ 2× forward.
     */
    public static double trainingFlopsPerRow(ExperimentConfig c, int sequenceLength, TaskKind kind, int outputs) {
        int ch = c.backbone().channels();
        double conv = 2.0 * sequenceLength * ch * ch * c.backbone().kernelSize() * c.backbone().maskedLayers();
        double head = 2.0 * ch * outputs * (kind == TaskKind.NEXT_ITEM ? sequenceLength : 1);
        return 3 * (conv + head);
    }

    /**
     * Trains {@code epochsPerStage} epochs of every task per method (early stopping may end a stage sooner)
     * and times the steps. With {@code firstStageOnly}, only T1 of the first method (what a single-task
     * peer such as the PyTorch script trains).
     */
    public static Result run(ExperimentConfig base, Dataset dataset, List<String> methods, Path scratch,
                             boolean firstStageOnly, double matmulPeak, int epochsPerStage) {
        List<Stage> stages = new ArrayList<>();
        long maxPhysical = 0;
        for (String method : firstStageOnly ? methods.subList(0, 1) : methods) {
            ExperimentConfig cfg = base.withMethod(method).withTraining(new TrainingConfig(base.training().first().withEpochs(epochsPerStage),
                    base.training().second().withEpochs(epochsPerStage), base.training().rest().withEpochs(epochsPerStage), 1,
                    base.training().evalBatchSize()));
            List<Task> tasks = TaskOrder.resolve(dataset, cfg);
            if (firstStageOnly) {
                cfg = cfg.withNoisyTask(null).withTaskOrder(List.of(tasks.get(0).name()));
                tasks = tasks.subList(0, 1);
            }
            Map<Integer, long[]> stepTimes = new LinkedHashMap<>(); // stage -> {count, nanos}
            Map<Integer, StageMemory> memory = new LinkedHashMap<>();
            long[] last = {System.nanoTime()};
            long[] mem = {0};
            RunResult r = new ExperimentRunner().run(cfg, dataset, scratch.resolve(method), e -> {
                if (e instanceof RunEvent.TaskStarted) {
                    ProcessMemory.resetPeak(); // so each stage's peak is its own, not the highest of the stages before
                    last[0] = System.nanoTime();
                }
                if (e instanceof RunEvent.BatchProgress bp) {
                    long now = System.nanoTime();
                    if (bp.batch() > warmupSteps(bp.batches())) {
                        long[] t = stepTimes.computeIfAbsent(bp.stage(), s -> new long[2]);
                        t[0]++;
                        t[1] += now - last[0];
                    }
                    last[0] = now;
                    mem[0] = Math.max(mem[0], Pointer.physicalBytes());
                }
                if (e instanceof RunEvent.EpochFinished) last[0] = System.nanoTime();
                if (e instanceof RunEvent.TaskEvaluated te) {
                    memory.put(te.stage(), StageMemory.measure()); // its full GC must not count as the next stage's time
                    last[0] = System.nanoTime();
                }
            }, new CancellationToken());
            if (r.status() != RunStatus.COMPLETED) throw new IllegalStateException(method + " benchmark run failed: " + r.message());
            maxPhysical = Math.max(maxPhysical, mem[0]);
            for (var entry : stepTimes.entrySet()) {
                int stage = entry.getKey();
                long[] t = entry.getValue();
                Task task = tasks.get(stage);
                int batch = cfg.training().batchSizeFor(stage);
                int outputs = task.kind() == TaskKind.NEXT_ITEM ? dataset.vocabularySize() : task.numClasses();
                double stepsPerSecond = t[0] / (t[1] / 1e9);
                double gflops = trainingFlopsPerRow(cfg, dataset.sequenceLength(), task.kind(), outputs) * batch * stepsPerSecond / 1e9;
                stages.add(new Stage(method, stage + 1, task.name(), batch, t[0], stepsPerSecond, gflops, gflops / matmulPeak,
                        memory.getOrDefault(stage, StageMemory.UNKNOWN)));
            }
        }
        Runtime rt = Runtime.getRuntime();
        return new Result(stages, maxPhysical, rt.totalMemory() - rt.freeMemory());
    }
}
