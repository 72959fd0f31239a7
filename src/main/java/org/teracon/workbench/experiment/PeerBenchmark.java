package org.teracon.workbench.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Repeated benchmark runs, our own alternating with a peer's (own, peer, own, peer ...), so that a
 * machine that slows down or speeds up during the session (other load, heat) affects both sides
 * alike; medians over the repetitions, with every repetition's raw values kept.
 */
public final class PeerBenchmark {

    /** One repetition: our stages and, when a peer is set, the peer's result of the same round. */
    public record Repetition(int index, Benchmark.Result own, PeerCommand.Result peer) {
    }

    /** Our first method's T1 against the peer, medians of the repetitions; ratios are own / peer. */
    public record Comparison(String method, String task, double ownStepsPerSecond, double peerStepsPerSecond,
                             double stepsRatio, double ownUsefulGflops, double peerUsefulGflops,
                             double ownOfMatmulPeak, double peerOfMatmulPeak,
                             List<Double> ownStepsPerSecondRaw, List<Double> peerStepsPerSecondRaw) {
    }

    /**
     * What benchmark.json holds. {@code stages}: per method and stage, the medians of steps/s, useful
     * GFLOP/s and median step time; memory is repetition 1's, as VmHWM only grows over a process's life.
     * {@code medianStepTimeRatios}: the step-time ratios between median steps.
     */
    public record Report(String backend, double matmulGflops, String memorySource, int repeats, boolean firstStageOnly,
                         String peerCommand, List<Benchmark.Stage> stages, Comparison comparison,
                         List<String> peerMismatches, List<StepTimeRatio> stepTimeRatios, List<Repetition> repetitions,
                         List<Benchmark.StageCalls> callsPerStep, List<StepTimeRatio> medianStepTimeRatios, boolean interleaved) {
    }

    /**
     * A method's step time at one stage over the first method's at the same stage (1.3: 30 % slower),
     * taken within each repetition, so both sides ran minutes apart on the same machine, and its median.
     */
    public record StepTimeRatio(String method, String baseline, int stage, String task, double median, List<Double> perRepetition) {
    }

    /** Every other method's step-time ratio to the first method's, per stage both timed; empty with one method. */
    public static List<StepTimeRatio> stepTimeRatios(List<Repetition> reps) {
        return ratios(reps, s -> 1 / s.stepsPerSecond());
    }

    /** As {@link #stepTimeRatios}, between the stages' median steps. */
    public static List<StepTimeRatio> medianStepTimeRatios(List<Repetition> reps) {
        return ratios(reps, Benchmark.Stage::medianStepSeconds);
    }

    private static List<StepTimeRatio> ratios(List<Repetition> reps, java.util.function.ToDoubleFunction<Benchmark.Stage> stepTime) {
        if (reps.isEmpty() || reps.get(0).own().stages().isEmpty()) return List.of();
        String baseline = reps.get(0).own().stages().get(0).method();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, Benchmark.Stage> named = new LinkedHashMap<>();
        for (Repetition r : reps) {
            Map<Integer, Double> base = new LinkedHashMap<>();
            for (Benchmark.Stage s : r.own().stages()) if (s.method().equals(baseline)) base.put(s.stage(), stepTime.applyAsDouble(s));
            for (Benchmark.Stage s : r.own().stages()) {
                if (s.method().equals(baseline) || !base.containsKey(s.stage())) continue;
                String key = s.method() + "#" + s.stage();
                named.putIfAbsent(key, s);
                ratios.computeIfAbsent(key, k -> new ArrayList<>()).add(stepTime.applyAsDouble(s) / base.get(s.stage()));
            }
        }
        List<StepTimeRatio> out = new ArrayList<>();
        ratios.forEach((key, values) -> {
            Benchmark.Stage s = named.get(key);
            out.add(new StepTimeRatio(s.method(), baseline, s.stage(), s.task(), median(values), List.copyOf(values)));
        });
        return out;
    }

    private PeerBenchmark() {
    }

    /** own(1), peer, own(2), peer, ...; without a peer ({@code null}) only own. */
    public static List<Repetition> alternate(int repeats, IntFunction<Benchmark.Result> own, Supplier<PeerCommand.Result> peer) {
        if (repeats < 1) throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        List<Repetition> out = new ArrayList<>();
        for (int i = 1; i <= repeats; i++) {
            Benchmark.Result mine = own.apply(i);
            out.add(new Repetition(i, mine, peer == null ? null : peer.get()));
        }
        return out;
    }

    public static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Per (method, stage), in repetition 1's order: median speed over the repetitions, repetition 1's memory. */
    public static List<Benchmark.Stage> stageMedians(List<Repetition> reps, double matmulPeak) {
        Map<String, List<Benchmark.Stage>> byStage = new LinkedHashMap<>();
        for (Repetition r : reps) {
            for (Benchmark.Stage s : r.own().stages()) byStage.computeIfAbsent(s.method() + "#" + s.stage(), k -> new ArrayList<>()).add(s);
        }
        List<Benchmark.Stage> out = new ArrayList<>();
        for (List<Benchmark.Stage> all : byStage.values()) {
            Benchmark.Stage first = all.get(0);
            double gflops = median(all.stream().map(Benchmark.Stage::usefulGflops).toList());
            out.add(new Benchmark.Stage(first.method(), first.stage(), first.task(), first.batch(), first.steps(),
                    median(all.stream().map(Benchmark.Stage::stepsPerSecond).toList()), gflops, gflops / matmulPeak,
                    first.memory(), median(all.stream().map(Benchmark.Stage::medianStepSeconds).toList())));
        }
        return out;
    }

    /** Our first method's stage 1 against the peer; null without a peer. */
    public static Comparison compare(List<Repetition> reps, double matmulPeak) {
        if (reps.isEmpty() || reps.get(0).peer() == null) return null;
        String method = firstStage(reps.get(0).own()).method(); // later repetitions may time the methods in another order
        List<Benchmark.Stage> ownT1 = reps.stream().map(r -> firstStage(r.own(), method)).toList();
        List<Double> own = ownT1.stream().map(Benchmark.Stage::stepsPerSecond).toList();
        List<Double> peer = reps.stream().map(r -> r.peer().stepsPerSecond()).toList();
        double ownGflops = median(ownT1.stream().map(Benchmark.Stage::usefulGflops).toList());
        double peerGflops = median(reps.stream().map(r -> r.peer().usefulGflops()).toList());
        double ownMedian = median(own);
        double peerMedian = median(peer);
        return new Comparison(ownT1.get(0).method(), ownT1.get(0).task(), ownMedian, peerMedian, ownMedian / peerMedian,
                ownGflops, peerGflops, ownGflops / matmulPeak, peerGflops / matmulPeak, own, peer);
    }

    private static Benchmark.Stage firstStage(Benchmark.Result r) {
        if (r.stages().isEmpty()) throw new IllegalStateException("the own benchmark timed no stage (a stage needs 2+ batches)");
        // Benchmark.run lists the first method's stages first; its T1 is the stage with the lowest number
        return firstStage(r, r.stages().get(0).method());
    }

    private static Benchmark.Stage firstStage(Benchmark.Result r, String method) {
        return r.stages().stream().filter(s -> s.method().equals(method)).min(Comparator.comparingInt(Benchmark.Stage::stage))
                .orElseThrow(() -> new IllegalStateException("the own benchmark timed no stage of " + method));
    }

    /**
     * The order in which repetition {@code repetition} (from 1) times the methods: as given in odd
     * repetitions, reversed in even ones. A fresh JVM keeps getting faster for a minute or more (SinMoAll,
     * timed first, went from 37-52 ms a step at T1 to 19-28 at T6 in every one-repetition run, README), so
     * whichever method runs first is timed partly cold; alternating the order shares that out.
     */
    public static List<String> methodOrder(List<String> methods, int repetition) {
        if (repetition % 2 == 1) return methods;
        List<String> reversed = new ArrayList<>(methods);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /**
     * Where the peer reported a different shape than ours ({@code channels}, {@code dilations},
     * {@code batch} as torch_tcn.py prints them): a comparison of unlike models, worth a warning.
     */
    public static List<String> mismatches(PeerCommand.Result peer, Map<String, String> ours) {
        List<String> out = new ArrayList<>();
        for (String key : List.of("channels", "dilations", "batch")) {
            String theirs = peer.fields().get(key);
            if (theirs != null && !theirs.equals(ours.get(key))) out.add(key + ": peer " + theirs + ", own " + ours.get(key));
        }
        return out;
    }
}
