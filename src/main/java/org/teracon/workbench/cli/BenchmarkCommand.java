package org.teracon.workbench.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetFolder;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.experiment.AtomicFiles;
import org.teracon.workbench.experiment.Backend;
import org.teracon.workbench.experiment.Benchmark;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.Json;
import org.teracon.workbench.experiment.PeerBenchmark;
import org.teracon.workbench.experiment.PeerCommand;
import org.teracon.workbench.experiment.ProcessMemory;
import org.teracon.workbench.experiment.StageMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Measure training steps per second per stage (one epoch per task) and resident memory, as ratios to this "
                + "machine's float matrix-multiply peak measured in the same run; writes benchmark.json.",
                "With --peer, a peer implementation's benchmark runs alternately with ours (own, peer, own, peer ...) and the "
                + "medians are compared; the peer prints a line 'RESULT ... steps_per_s=X ... useful_gflops=Y'. Its command may "
                + "use {data} {channels} {dilations} {kernel} {batch} {length}, filled from this benchmark's settings, e.g.",
                "  --stage1-only --peer \"LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 "
                + "../shared/bench/torch_tcn.py --data {data} --channels {channels} --dilations {dilations} --batch {batch} "
                + "--length {length} --threads 1\"",
                "Exit code 1 when the peer fails or prints no RESULT line."})
public class BenchmarkCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--methods", split = ",", defaultValue = "sinmoall,teracon", description = "methods to time (default ${DEFAULT-VALUE})")
    List<String> methods;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(names = "--peer", paramLabel = "CMD", description = "peer benchmark, a shell command run with bash -c")
    String peer;

    @Option(names = "--repeats", paramLabel = "N", description = "repetitions (default 3 with --peer, else 1); medians are reported. "
            + "Even repetitions time the methods in reverse order, so no method is always the one timed while the JVM warms up")
    Integer repeats;

    @Option(names = "--stage1-only", description = "time only T1 of the first method (all a single-task peer trains)")
    boolean stage1Only;

    @Option(names = "--epochs-per-stage", paramLabel = "N", defaultValue = "1",
            description = "epochs each stage trains, all of them (default ${DEFAULT-VALUE}; no early stopping, so every method times as many steps): more timed steps per stage")
    int epochsPerStage;

    @Option(names = "--interleave", description = "train the methods' runs at once in one process, taking turns step by step, so that "
            + "each method's step is timed right after the other's rather than a run apart (on a shared machine speed drifts by "
            + "±20 %% over a minute); the memory columns then hold every run's model")
    boolean interleave;

    @Option(names = "--count-calls", description = "then one more, untimed run per method with ND4J's op profiler on: "
            + "ND4J calls per training step at each stage (the same in every run, unlike step times)")
    boolean countCalls;

    @Override
    public Integer call() throws Exception {
        if (epochsPerStage < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--epochs-per-stage must be >= 1, got " + epochsPerStage);
        ExperimentConfig cfg = options.build(methods);
        Dataset dataset = DatasetLoader.load(Path.of(cfg.dataset()));
        Map<String, String> shape = PeerCommand.placeholders(cfg, dataset.sequenceLength());
        String peerCommand = peer == null ? null : PeerCommand.substitute(peer, shape);
        int n = repeats != null ? repeats : peer != null ? 3 : 1;
        PrintStream o = System.out;
        PrintWriter err = spec.commandLine().getErr();
        if (peer != null && peer.contains("{data}") && !Files.isRegularFile(Path.of(cfg.dataset()).resolve(DatasetFolder.MANIFEST))) {
            err.println("warning: " + cfg.dataset() + " is not a workbench-format folder, which a peer reading {data} "
                    + "(items.csv, sequences.csv) needs; convert it first (import-movielens)");
        }
        Files.createDirectories(out);
        double peak = Benchmark.matmulGflops(1024, 5);
        o.printf(Locale.ROOT, "backend %s; 1024x1024 float matmul peak %.1f GFLOP/s; memory from %s%n", Backend.describe(), peak,
                ProcessMemory.source());
        if (peerCommand != null) o.println("peer: " + peerCommand);
        if (interleave && !stage1Only && methods.size() > 1) {
            o.println("interleaved: " + String.join(", ", methods) + " train at once, in turns of one step each; memory figures hold all their models");
        }
        List<PeerBenchmark.Repetition> reps;
        try {
            reps = PeerBenchmark.alternate(n, i -> {
                Benchmark.Result r = Benchmark.run(cfg, dataset, stage1Only ? methods : PeerBenchmark.methodOrder(methods, i),
                        out.resolve("runs").resolve(String.valueOf(i)), stage1Only, peak, epochsPerStage, interleave);
                o.printf(Locale.ROOT, "repetition %d/%d own: %s%n", i, n, r.stages().stream()
                        .map(s -> String.format(Locale.ROOT, "%s T%d %.2f", s.method(), s.stage(), s.stepsPerSecond()))
                        .collect(Collectors.joining(", ")) + " steps/s");
                return r;
            }, peerCommand == null ? null : () -> {
                PeerCommand.Result p = PeerCommand.run(peerCommand);
                o.println("peer: " + p.line());
                return p;
            });
        } catch (PeerCommand.Failure f) {
            err.println("error: " + f.getMessage());
            return 1;
        }
        List<Benchmark.Stage> stages = PeerBenchmark.stageMedians(reps, peak);
        printStages(o, stages, n);
        List<PeerBenchmark.StepTimeRatio> ratios = PeerBenchmark.stepTimeRatios(reps);
        List<PeerBenchmark.StepTimeRatio> medianRatios = PeerBenchmark.medianStepTimeRatios(reps);
        printStepTimeRatios(o, ratios, medianRatios, n);
        PeerBenchmark.Comparison c = PeerBenchmark.compare(reps, peak);
        List<String> mismatches = c == null ? List.of() : PeerBenchmark.mismatches(reps.get(0).peer(), shape);
        if (c != null) printComparison(o, c, n, peak);
        for (String m : mismatches) err.println("warning: the peer trained another shape than ours, " + m);
        List<Benchmark.StageCalls> calls = null;
        if (countCalls) {
            calls = Benchmark.countCalls(cfg, dataset, methods, out.resolve("runs").resolve("calls"), stage1Only, epochsPerStage);
            printCalls(o, calls);
        }
        // javacpp's own counter misses most of ND4J's native buffers, so the process's physical size is the figure to read
        Benchmark.Result last = reps.get(reps.size() - 1).own();
        o.printf(Locale.ROOT, "peak process physical memory %.1f MiB, JVM heap in use at the end %.1f MiB%n",
                reps.stream().mapToLong(r -> r.own().peakPhysicalBytes()).max().orElse(0) / 1048576.0, last.heapUsedBytes() / 1048576.0);
        AtomicFiles.writeString(out.resolve("benchmark.json"), Json.write(new PeerBenchmark.Report(Backend.describe(), peak,
                ProcessMemory.source(), n, stage1Only, peerCommand, stages, c, mismatches, ratios, reps, calls, medianRatios,
                interleave && !stage1Only && methods.size() > 1)));
        return 0;
    }

    private static void printStages(PrintStream o, List<Benchmark.Stage> stages, int n) {
        if (n > 1) o.printf("speed: median of %d repetitions; memory: after each stage of repetition 1%n", n);
        o.println("| method | stage | task | batch | steps/s | useful GFLOP/s | of matmul peak | RSS at end MiB | peak RSS MiB | median step ms |");
        o.println("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Benchmark.Stage s : stages) {
            o.printf(Locale.ROOT, "| %s | %d | %s | %d | %.2f | %.2f | %.1f%% | %s | %s | %.1f |%n", s.method(), s.stage(), s.task(), s.batch(),
                    s.stepsPerSecond(), s.usefulGflops(), 100 * s.ratioToMatmulPeak(), mib(s.rssBytes()), mib(s.peakRssBytes()),
                    1000 * s.medianStepSeconds());
        }
        // where the resident size sits, after a full GC at each stage's end: growth shows up in one column
        o.println("memory at the end of each stage (MiB, after a full GC); live ND4J arrays: parameters, optimiser state,"
                + " frozen copies; residual = RSS less all other columns but the peak (native code, stacks, what the C allocator kept)");
        o.println("| method | stage | RSS | peak RSS | heap used | heap committed | ND4J workspaces | live ND4J arrays | javacpp | residual |");
        o.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Benchmark.Stage s : stages) {
            StageMemory m = s.memory();
            o.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s (%d) | %s | %s |%n", s.method(), s.stage(), mib(m.rssBytes()),
                    mib(m.peakRssBytes()), mib(m.heapUsedAfterGcBytes()), mib(m.heapCommittedBytes()), mib(m.workspaceBytes()),
                    mib1(m.liveArrayBytes()), m.liveArrays(), mib(m.javacppBytes()), mib(m.residualBytes()));
        }
    }

    private static void printStepTimeRatios(PrintStream o, List<PeerBenchmark.StepTimeRatio> ratios,
                                            List<PeerBenchmark.StepTimeRatio> medianRatios, int n) {
        if (ratios.isEmpty()) return;
        o.printf(Locale.ROOT, "step time against %s's at the same stage, within each repetition (median of %d): over all timed steps,"
                + " and between the stages' median steps%n", ratios.get(0).baseline(), n);
        o.println("| method | stage | task | step time ratio | per repetition | median-step ratio | per repetition |");
        o.println("|---|---:|---|---:|---|---:|---|");
        for (int i = 0; i < ratios.size(); i++) {
            PeerBenchmark.StepTimeRatio r = ratios.get(i);
            PeerBenchmark.StepTimeRatio m = medianRatios.get(i);
            o.printf(Locale.ROOT, "| %s | %d | %s | %.2f | %s | %.2f | %s |%n", r.method(), r.stage(), r.task(), r.median(), list(r.perRepetition()),
                    m.median(), list(m.perRepetition()));
        }
    }

    private static void printCalls(PrintStream o, List<Benchmark.StageCalls> calls) {
        o.println("ND4J calls a training step (a separate untimed run with ND4J's op profiler on; GEMMs sent straight to BLAS are not counted)");
        o.println("| method | stage | task | steps | calls a step |");
        o.println("|---|---:|---|---:|---:|");
        for (Benchmark.StageCalls c : calls) {
            o.printf(Locale.ROOT, "| %s | %d | %s | %d | %.1f |%n", c.method(), c.stage(), c.task(), c.steps(), c.callsPerStep());
        }
    }

    private static void printComparison(PrintStream o, PeerBenchmark.Comparison c, int n, double peak) {
        o.printf(Locale.ROOT, "| %s (T1), median of %d | own (%s) | peer | own/peer |%n", c.task(), n, c.method());
        o.println("|---|---:|---:|---:|");
        o.printf(Locale.ROOT, "| steps/s | %.2f | %.2f | %.2f |%n", c.ownStepsPerSecond(), c.peerStepsPerSecond(), c.stepsRatio());
        o.printf(Locale.ROOT, "| useful GFLOP/s | %.2f | %.2f | %.2f |%n", c.ownUsefulGflops(), c.peerUsefulGflops(),
                c.ownUsefulGflops() / c.peerUsefulGflops());
        o.printf(Locale.ROOT, "| of the ND4J matmul peak (%.1f GFLOP/s) | %.1f%% | %.1f%% | |%n", peak, 100 * c.ownOfMatmulPeak(),
                100 * c.peerOfMatmulPeak());
        o.println("steps/s per repetition: own " + list(c.ownStepsPerSecondRaw()) + "; peer " + list(c.peerStepsPerSecondRaw()));
    }

    private static String list(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).collect(Collectors.joining(" "));
    }

    private static String mib1(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
    }
}
