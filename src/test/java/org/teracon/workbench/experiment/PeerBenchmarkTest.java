package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.model.BackboneConfig;

/** The peer comparison's logic, with a fake own benchmark and shell one-liners as the peer; no timing. */
class PeerBenchmarkTest {

    static final String TORCH_LINE = "RESULT torch 1.13.0a0 threads=2 channels=64 dilations=1,4 batch=32 steps=60 "
            + "steps_per_s=21.406 median_step_s=0.0460 useful_gflops=5.17";

    static Benchmark.Stage stage(String method, int stage, double stepsPerSecond, double gflops, long rss, long peak) {
        return stage(method, stage, stepsPerSecond, gflops, rss, peak, 1 / stepsPerSecond);
    }

    static Benchmark.Stage stage(String method, int stage, double stepsPerSecond, double gflops, long rss, long peak, double medianStep) {
        return new Benchmark.Stage(method, stage, stage == 1 ? "next_item" : "t" + stage, 32, 14, stepsPerSecond, gflops, gflops / 40,
                new StageMemory(rss, peak, 0, 0, 0, 0, 0, 0, 0), medianStep);
    }

    static Benchmark.Result own(double... t1StepsPerSecond) {
        return new Benchmark.Result(List.of(stage("sinmoall", 1, t1StepsPerSecond[0], 2 * t1StepsPerSecond[0], 100, 200),
                stage("sinmoall", 2, 9, 3, 110, 210), stage("teracon", 1, 1, 1, 120, 220)), 0, 0);
    }

    /** Each repetition's ratio pairs the same repetition's stages; the median is over repetitions; stage 1 alone has no partner here. */
    @Test
    void stepTimeRatiosPairStagesWithinEachRepetition() {
        Benchmark.Result first = new Benchmark.Result(List.of(stage("sinmoall", 1, 20, 1, 0, 0), stage("sinmoall", 2, 30, 1, 0, 0),
                stage("teracon", 1, 10, 1, 0, 0), stage("teracon", 2, 20, 1, 0, 0)), 0, 0);
        Benchmark.Result second = new Benchmark.Result(List.of(stage("sinmoall", 1, 40, 1, 0, 0), stage("sinmoall", 2, 24, 1, 0, 0),
                stage("teracon", 1, 32, 1, 0, 0), stage("teracon", 2, 12, 1, 0, 0)), 0, 0);
        Benchmark.Result third = new Benchmark.Result(List.of(stage("sinmoall", 1, 10, 1, 0, 0), stage("sinmoall", 2, 15, 1, 0, 0),
                stage("teracon", 2, 10, 1, 0, 0)), 0, 0);
        List<PeerBenchmark.StepTimeRatio> r = PeerBenchmark.stepTimeRatios(List.of(new PeerBenchmark.Repetition(1, first, null),
                new PeerBenchmark.Repetition(2, second, null), new PeerBenchmark.Repetition(3, third, null)));
        assertEquals(2, r.size());
        assertEquals(new PeerBenchmark.StepTimeRatio("teracon", "sinmoall", 1, "next_item", (2.0 + 1.25) / 2, List.of(2.0, 1.25)), r.get(0));
        assertEquals(new PeerBenchmark.StepTimeRatio("teracon", "sinmoall", 2, "t2", 1.5, List.of(1.5, 2.0, 1.5)), r.get(1));
        assertEquals(List.of(), PeerBenchmark.stepTimeRatios(List.of(new PeerBenchmark.Repetition(1,
                new Benchmark.Result(List.of(stage("sinmoall", 1, 20, 1, 0, 0)), 0, 0), null))));
    }

    /**
     * The median-step ratios pair the same stages as the mean ones but read each stage's median step: a stage
     * whose mean a few slow steps dragged down keeps its ratio from its typical step.
     */
    @Test
    void medianStepTimeRatiosReadTheStagesMedianSteps() {
        // teracon's stage 2: 10 steps/s over all steps (one slow step), but a median step of 0.06 s
        Benchmark.Result first = new Benchmark.Result(List.of(stage("sinmoall", 2, 20, 1, 0, 0, 0.05), stage("teracon", 2, 10, 1, 0, 0, 0.06)), 0, 0);
        Benchmark.Result second = new Benchmark.Result(List.of(stage("sinmoall", 2, 20, 1, 0, 0, 0.04), stage("teracon", 2, 16, 1, 0, 0, 0.06)), 0, 0);
        List<PeerBenchmark.Repetition> reps = List.of(new PeerBenchmark.Repetition(1, first, null), new PeerBenchmark.Repetition(2, second, null));
        List<PeerBenchmark.StepTimeRatio> mean = PeerBenchmark.stepTimeRatios(reps);
        List<PeerBenchmark.StepTimeRatio> median = PeerBenchmark.medianStepTimeRatios(reps);
        assertEquals(List.of(2.0, 1.25), mean.get(0).perRepetition());
        assertEquals(2, median.get(0).perRepetition().size());
        assertEquals(1.2, median.get(0).perRepetition().get(0), 1e-12);
        assertEquals(1.5, median.get(0).perRepetition().get(1), 1e-12);
        assertEquals(1.35, median.get(0).median(), 1e-12);
        // and the stage medians carry the median of the repetitions' median steps
        assertEquals(0.045, PeerBenchmark.stageMedians(reps, 40).get(0).medianStepSeconds(), 1e-12);
    }

    @Test
    void parsesTheTorchScriptsResultLine() {
        PeerCommand.Result r = PeerCommand.parse("loading data\n" + TORCH_LINE + "\n");
        assertEquals(21.406, r.stepsPerSecond(), 0);
        assertEquals(5.17, r.usefulGflops(), 0);
        assertEquals("64", r.fields().get("channels"));
        assertEquals("1,4", r.fields().get("dilations"));
        assertEquals(TORCH_LINE, r.line());
        // the last RESULT line counts; useful_gflops is optional
        assertEquals(3.0, PeerCommand.parse("RESULT steps_per_s=1\nRESULT steps_per_s=3").stepsPerSecond(), 0);
        assertTrue(Double.isNaN(PeerCommand.parse("RESULT steps_per_s=1").usefulGflops()));
    }

    @Test
    void aMissingOrBrokenResultLineIsAFailureNamingIt() {
        assertTrue(assertThrows(PeerCommand.Failure.class, () -> PeerCommand.parse("nothing here\n")).getMessage().contains("RESULT"));
        assertTrue(assertThrows(PeerCommand.Failure.class, () -> PeerCommand.parse("RESULT useful_gflops=1"))
                .getMessage().contains("steps_per_s"));
        assertThrows(PeerCommand.Failure.class, () -> PeerCommand.parse("RESULT steps_per_s=fast"));
        assertThrows(PeerCommand.Failure.class, () -> PeerCommand.parse("RESULT steps_per_s=0"));
        assertThrows(PeerCommand.Failure.class, () -> PeerCommand.parse(" RESULT steps_per_s=1"), "RESULT must start the line");
    }

    @Test
    void placeholdersComeFromTheBenchmarksOwnSettings() {
        ExperimentConfig cfg = ExperimentConfig.defaults("/data/my set").withBackbone(new BackboneConfig(16, 5, List.of(1, 4, 2)))
                .withTraining(new TrainingConfig(1, 1, 1, 48, 64, 1e-3, 1e-3, 256));
        Map<String, String> v = PeerCommand.placeholders(cfg, 30);
        assertEquals(Map.of("data", "'/data/my set'", "channels", "16", "dilations", "1,4,2", "kernel", "5", "batch", "48", "length", "30"), v);
        assertEquals("peer --data '/data/my set' --channels 16 --dilations 1,4,2 --kernel 5 --batch 48 --length 30 --x ${HOME} {a,b}",
                PeerCommand.substitute("peer --data {data} --channels {channels} --dilations {dilations} --kernel {kernel} "
                        + "--batch {batch} --length {length} --x ${HOME} {a,b}", v));
        var e = assertThrows(IllegalArgumentException.class, () -> PeerCommand.substitute("peer --c {chanels}", v));
        assertTrue(e.getMessage().contains("{chanels}") && e.getMessage().contains("{channels}"), e.getMessage());
        assertEquals("/tmp/plain-path_1", PeerCommand.shellQuote("/tmp/plain-path_1"));
        assertEquals("'it'\\''s'", PeerCommand.shellQuote("it's"));
    }

    /** The peer leaves 5 warm-up steps out of its timing; so do we when an epoch has enough batches to spare them. */
    @Test
    void warmUpStepsAsThePeersWhenTheEpochAllowsIt() {
        assertEquals(5, Benchmark.warmupSteps(23)); // ML-100K's T1 at batch 32
        assertEquals(5, Benchmark.warmupSteps(20));
        assertEquals(1, Benchmark.warmupSteps(19));
        assertEquals(1, Benchmark.warmupSteps(3));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, PeerBenchmark.median(List.of(3.0, 1.0, 2.0)), 0);
        assertEquals(2.5, PeerBenchmark.median(List.of(4.0, 1.0, 3.0, 2.0)), 0);
        assertEquals(7.0, PeerBenchmark.median(List.of(7.0)), 0);
        assertTrue(Double.isNaN(PeerBenchmark.median(List.of())));
    }

    @Test
    void ownAndPeerAlternateAndTheComparisonTakesMedians(@TempDir Path dir) {
        Path log = dir.resolve("order.log");
        double[] ownSpeeds = {8, 4, 6};
        String peer = "echo peer >> " + log + "; echo RESULT channels=64 dilations=1,4 batch=32 steps_per_s=2.0 useful_gflops=1.0";
        List<PeerBenchmark.Repetition> reps = PeerBenchmark.alternate(3, i -> {
            append(log, "own " + i + "\n");
            return own(ownSpeeds[i - 1]);
        }, () -> PeerCommand.run(peer));
        assertEquals(List.of("own 1", "peer", "own 2", "peer", "own 3", "peer"), lines(log));
        assertEquals(List.of(1, 2, 3), reps.stream().map(PeerBenchmark.Repetition::index).toList());

        PeerBenchmark.Comparison c = PeerBenchmark.compare(reps, 40);
        assertEquals("sinmoall", c.method());
        assertEquals("next_item", c.task());
        assertEquals(6.0, c.ownStepsPerSecond(), 0);
        assertEquals(2.0, c.peerStepsPerSecond(), 0);
        assertEquals(3.0, c.stepsRatio(), 0);
        assertEquals(12.0, c.ownUsefulGflops(), 0);
        assertEquals(1.0, c.peerUsefulGflops(), 0);
        assertEquals(0.3, c.ownOfMatmulPeak(), 1e-12);
        assertEquals(List.of(8.0, 4.0, 6.0), c.ownStepsPerSecondRaw());
        assertEquals(List.of(2.0, 2.0, 2.0), c.peerStepsPerSecondRaw());
        assertEquals(List.of("channels: peer 64, own 16"),
                PeerBenchmark.mismatches(reps.get(0).peer(), Map.of("channels", "16", "dilations", "1,4", "batch", "32")));
    }

    /** Two methods' T1 and T2 at the given steps/s, in the order given. */
    private static Benchmark.Result result(String first, double firstT1, double firstT2, String second, double secondT1, double secondT2) {
        return new Benchmark.Result(List.of(stage(first, 1, firstT1, 1, 0, 0), stage(first, 2, firstT2, 1, 0, 0),
                stage(second, 1, secondT1, 1, 0, 0), stage(second, 2, secondT2, 1, 0, 0)), 0, 0);
    }

    /** Even repetitions time the methods in reverse order, so the same method is not always the one timed in a cold JVM. */
    @Test
    void evenRepetitionsReverseTheMethodOrder() {
        List<String> methods = List.of("sinmoall", "teracon", "hat");
        assertEquals(methods, PeerBenchmark.methodOrder(methods, 1));
        assertEquals(List.of("hat", "teracon", "sinmoall"), PeerBenchmark.methodOrder(methods, 2));
        assertEquals(methods, PeerBenchmark.methodOrder(methods, 3));
        assertEquals(List.of("sinmoall", "teracon", "hat"), methods, "the given list is left as it was");
    }

    /**
     * With the order reversed in a repetition, the comparison with the peer still reads repetition 1's first
     * method in every repetition, and the ratios stay against that method: the order of a result's stages
     * does not pick the method.
     */
    @Test
    void theComparisonAndTheRatiosFollowTheFirstRepetitionsMethodWhateverTheOrder() {
        Benchmark.Result asGiven = result("sinmoall", 8, 20, "teracon", 4, 10);
        Benchmark.Result reversed = result("teracon", 5, 16, "sinmoall", 6, 20);
        PeerCommand.Result peer = PeerCommand.parse("RESULT channels=64 dilations=1,4 batch=32 steps_per_s=2.0 useful_gflops=1.0");
        List<PeerBenchmark.Repetition> reps = List.of(new PeerBenchmark.Repetition(1, asGiven, peer),
                new PeerBenchmark.Repetition(2, reversed, peer), new PeerBenchmark.Repetition(3, asGiven, peer));
        PeerBenchmark.Comparison c = PeerBenchmark.compare(reps, 40);
        assertEquals("sinmoall", c.method());
        assertEquals(List.of(8.0, 6.0, 8.0), c.ownStepsPerSecondRaw());
        List<PeerBenchmark.StepTimeRatio> r = PeerBenchmark.stepTimeRatios(reps);
        assertEquals("sinmoall", r.get(1).baseline());
        assertEquals(List.of(2.0, 1.25, 2.0), r.get(1).perRepetition());
        assertEquals(List.of("sinmoall#1", "sinmoall#2", "teracon#1", "teracon#2"),
                PeerBenchmark.stageMedians(reps, 40).stream().map(s -> s.method() + "#" + s.stage()).toList());
    }

    @Test
    void stageMediansKeepTheOrderAndTheFirstRepetitionsMemory() {
        List<PeerBenchmark.Repetition> reps = PeerBenchmark.alternate(3, i -> own(new double[] {8, 4, 6}[i - 1]), null);
        assertNull(reps.get(0).peer());
        assertNull(PeerBenchmark.compare(reps, 40), "no comparison without a peer");
        List<Benchmark.Stage> m = PeerBenchmark.stageMedians(reps, 40);
        assertEquals(List.of("sinmoall#1", "sinmoall#2", "teracon#1"), m.stream().map(s -> s.method() + "#" + s.stage()).toList());
        assertEquals(6.0, m.get(0).stepsPerSecond(), 0);
        assertEquals(12.0, m.get(0).usefulGflops(), 0);
        assertEquals(12.0 / 40, m.get(0).ratioToMatmulPeak(), 1e-12);
        assertEquals(100, m.get(0).rssBytes());
        assertEquals(200, m.get(0).peakRssBytes());
    }

    @Test
    void aFailingPeerReportsItsExitCodeAndStderr() {
        var e = assertThrows(PeerCommand.Failure.class, () -> PeerCommand.run("echo 'ModuleNotFoundError: torch' >&2; exit 3"));
        assertTrue(e.getMessage().contains("exit code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("ModuleNotFoundError: torch"), e.getMessage());
        var silent = assertThrows(PeerCommand.Failure.class, () -> PeerCommand.run("echo warming up; echo oops >&2"));
        assertTrue(silent.getMessage().contains("no line starting with RESULT"), silent.getMessage());
        assertTrue(silent.getMessage().contains("warming up") && silent.getMessage().contains("oops"), silent.getMessage());
        assertThrows(PeerCommand.Failure.class, () -> PeerBenchmark.alternate(2, i -> own(1), () -> PeerCommand.run("false")));
    }

    @Test
    void procStatusGivesCurrentAndPeakResidentMemory() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  524288 kB\nVmRSS:\t  262144 kB\nThreads:\t42\n";
        assertEquals(new ProcessMemory(256L << 20, 512L << 20), ProcessMemory.parseProcStatus(status));
        assertThrows(IllegalArgumentException.class, () -> ProcessMemory.parseProcStatus("Name:\tjava\n"));
        ProcessMemory now = ProcessMemory.read();
        assertTrue(now.rssBytes() > 0 && now.peakRssBytes() >= now.rssBytes(), now.toString());
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
