package org.teracon.workbench.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;
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
     * One method's stage: speed over its timed steps (steps/s over their total time, and the median step's
     * time, which a few steps slowed by a garbage collection or a busy neighbour on a shared machine do not
     * move) and the process's memory once the stage (training and evaluation) is done — resident size, the
     * stage's peak and where it sits ({@link StageMemory}).
     */
    public record Stage(String method, int stage, String task, int batch, long steps, double stepsPerSecond,
                        double usefulGflops, double ratioToMatmulPeak, StageMemory memory, double medianStepSeconds) {
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
        return run(base, dataset, methods, scratch, firstStageOnly, matmulPeak, epochsPerStage, false);
    }

    /**
     * As above; {@code interleaved}: the methods' runs train in one process at once, taking turns step by
     * step ({@link StepTurns}), so each method's step is timed right after the other's, not a run apart. Only
     * the turn's holder trains, and every step ends with its work on the worker lanes done, so no run's step
     * overlaps another's. The memory columns then hold all runs' models.
     */
    public static Result run(ExperimentConfig base, Dataset dataset, List<String> methods, Path scratch,
                             boolean firstStageOnly, double matmulPeak, int epochsPerStage, boolean interleaved) {
        List<Stage> stages = new ArrayList<>();
        long maxPhysical = 0;
        List<String> timed = firstStageOnly ? methods.subList(0, 1) : methods;
        List<Measured> measured = interleaved && timed.size() > 1
                ? measureInTurns(base, dataset, timed, scratch, firstStageOnly, epochsPerStage)
                : timed.stream().map(method -> measure(base, dataset, method, scratch, firstStageOnly, epochsPerStage, System::nanoTime, null, 0)).toList();
        for (int i = 0; i < timed.size(); i++) {
            String method = timed.get(i);
            Measured m = measured.get(i);
            maxPhysical = Math.max(maxPhysical, m.maxPhysical());
            for (var entry : m.perStage().entrySet()) {
                int stage = entry.getKey();
                long[] t = entry.getValue();
                Task task = m.tasks().get(stage);
                int batch = m.config().training().batchSizeFor(stage);
                int outputs = task.kind() == TaskKind.NEXT_ITEM ? dataset.vocabularySize() : task.numClasses();
                double stepsPerSecond = t[0] / (t[1] / 1e9);
                double gflops = trainingFlopsPerRow(m.config(), dataset.sequenceLength(), task.kind(), outputs) * batch * stepsPerSecond / 1e9;
                double medianStep = PeerBenchmark.median(m.stepUnits().get(stage).stream().map(u -> u / 1e9).toList());
                stages.add(new Stage(method, stage + 1, task.name(), batch, t[0], stepsPerSecond, gflops, gflops / matmulPeak,
                        m.memory().getOrDefault(stage, StageMemory.UNKNOWN), medianStep));
            }
        }
        Runtime rt = Runtime.getRuntime();
        return new Result(stages, maxPhysical, rt.totalMemory() - rt.freeMemory());
    }

    /** Every method's run on a thread of its own, in turns step by step; results in the methods' order. */
    private static List<Measured> measureInTurns(ExperimentConfig base, Dataset dataset, List<String> methods, Path scratch,
                                                 boolean firstStageOnly, int epochsPerStage) {
        StepTurns turns = new StepTurns(methods.size());
        List<java.util.concurrent.FutureTask<Measured>> runs = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            int party = i;
            String method = methods.get(i);
            var run = new java.util.concurrent.FutureTask<>(() -> measure(base, dataset, method, scratch, firstStageOnly, epochsPerStage,
                    System::nanoTime, turns, party));
            Thread t = new Thread(run, "benchmark-" + method);
            t.setDaemon(true);
            t.start();
            runs.add(run);
        }
        List<Measured> measured = new ArrayList<>();
        for (var run : runs) {
            try {
                measured.add(run.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the benchmark's runs were training", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return measured;
    }

    /** One method's stage: ND4J calls per step, over the same steps {@link #run} times. */
    public record StageCalls(String method, int stage, String task, long steps, double callsPerStep) {
    }

    /**
     * ND4J calls per training step, counted by ND4J's op profiler over the steps {@link #run} would time, the
     * teacher thread's included. A run of its own: the profiler slows every call, so these steps are not
     * timed. Unlike step times on a shared machine, the count is the same in every run, so a change of a few
     * calls shows. GEMMs that go straight to BLAS ({@code Nd4j.gemm}) are not counted.
     */
    public static List<StageCalls> countCalls(ExperimentConfig base, Dataset dataset, List<String> methods, Path scratch,
                                              boolean firstStageOnly, int epochsPerStage) {
        List<StageCalls> calls = new ArrayList<>();
        OpProfiler profiler = OpProfiler.getInstance();
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
        try {
            for (String method : firstStageOnly ? methods.subList(0, 1) : methods) {
                Measured m = measure(base, dataset, method, scratch, firstStageOnly, epochsPerStage, profiler::getInvocationsCount, null, 0);
                m.perStage().forEach((stage, c) -> calls.add(new StageCalls(method, stage + 1, m.tasks().get(stage).name(), c[0], (double) c[1] / c[0])));
            }
        } finally {
            Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().build());
            profiler.reset();
        }
        return calls;
    }

    /** What one method's benchmark run gave: per stage {steps, meter units over them} and each step's units, memory, and its config and tasks. */
    private record Measured(ExperimentConfig config, List<Task> tasks, Map<Integer, long[]> perStage, Map<Integer, List<Long>> stepUnits,
                            Map<Integer, StageMemory> memory, long maxPhysical) {
    }

    /**
     * Trains one method and reads {@code meter} (a clock, or a call counter) around every step past each
     * stage's warm-up; evaluations and the memory readings between stages fall outside every step. With
     * {@code turns}, it trains only in {@code party}'s turns and hands the turn over after every step; the
     * wait for the next turn is not timed.
     */
    private static Measured measure(ExperimentConfig base, Dataset dataset, String method, Path scratch, boolean firstStageOnly,
                                    int epochsPerStage, LongSupplier meter, StepTurns turns, int party) {
        if (turns == null) return measure(base, dataset, method, scratch, firstStageOnly, epochsPerStage, meter, null);
        turns.await(party);
        try {
            return measure(base, dataset, method, scratch, firstStageOnly, epochsPerStage, meter, () -> {
                turns.handOver(party);
                turns.await(party);
            });
        } finally {
            turns.leave(party);
        }
    }

    private static Measured measure(ExperimentConfig base, Dataset dataset, String method, Path scratch, boolean firstStageOnly,
                                    int epochsPerStage, LongSupplier meter, Runnable afterStep) {
        // patience = the stage's epochs: no stage stops early, so every method times the same number of steps
        // (with patience 1 one method's stage could stop after 2 epochs and the other's run all of them)
        ExperimentConfig cfg = base.withMethod(method).withTraining(new TrainingConfig(base.training().first().withEpochs(epochsPerStage),
                base.training().second().withEpochs(epochsPerStage), base.training().rest().withEpochs(epochsPerStage), epochsPerStage,
                base.training().evalBatchSize()));
        List<Task> tasks = TaskOrder.resolve(dataset, cfg);
        if (firstStageOnly) {
            cfg = cfg.withNoisyTask(null).withTaskOrder(List.of(tasks.get(0).name()));
            tasks = tasks.subList(0, 1);
        }
        Map<Integer, long[]> perStage = new LinkedHashMap<>(); // stage -> {steps, meter units}
        Map<Integer, List<Long>> stepUnits = new LinkedHashMap<>();
        Map<Integer, StageMemory> memory = new LinkedHashMap<>();
        long[] last = {meter.getAsLong()};
        long[] mem = {0};
        RunResult r = new ExperimentRunner().run(cfg, dataset, scratch.resolve(method), e -> {
            if (e instanceof RunEvent.TaskStarted) {
                ProcessMemory.resetPeak(); // so each stage's peak is its own, not the highest of the stages before
                last[0] = meter.getAsLong();
            }
            if (e instanceof RunEvent.BatchProgress bp) {
                long now = meter.getAsLong();
                if (bp.batch() > warmupSteps(bp.batches())) {
                    long[] t = perStage.computeIfAbsent(bp.stage(), s -> new long[2]);
                    t[0]++;
                    t[1] += now - last[0];
                    stepUnits.computeIfAbsent(bp.stage(), st -> new ArrayList<>()).add(now - last[0]);
                }
                last[0] = now;
                if (afterStep != null) {
                    afterStep.run();
                    last[0] = meter.getAsLong(); // the other runs' turns are not this step's time
                }
                mem[0] = Math.max(mem[0], Pointer.physicalBytes());
            }
            if (e instanceof RunEvent.EpochFinished) last[0] = meter.getAsLong();
            if (e instanceof RunEvent.TaskEvaluated te) {
                memory.put(te.stage(), StageMemory.measure()); // its full GC must not count as the next stage's time
                last[0] = meter.getAsLong();
            }
        }, new CancellationToken());
        if (r.status() != RunStatus.COMPLETED) throw new IllegalStateException(method + " benchmark run failed: " + r.message());
        return new Measured(cfg, tasks, perStage, stepUnits, memory, mem[0]);
    }
}
