package org.teracon.workbench.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.method.StageSchedule;
import org.teracon.workbench.method.baseline.ConureMethod;
import org.teracon.workbench.method.baseline.HatMethod;
import org.teracon.workbench.method.teracon.SamplingMode;
import org.teracon.workbench.method.teracon.TeraconSettings;
import picocli.CommandLine;

class CliTest {

    static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        System.setOut(new PrintStream(out, true));
        try {
            CommandLine cli = new CommandLine(new WorkbenchCommand());
            cli.setErr(new java.io.PrintWriter(err, true));
            cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
                cmd.getErr().println("error: " + ex.getMessage());
                return 2;
            });
            int code = cli.execute(args);
            return new String[] {String.valueOf(code), out.toString(), err.toString()};
        } finally {
            System.setOut(oldOut);
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : new String[] {"run", "compare", "study", "import-movielens", "generate-synthetic", "benchmark"}) {
            String[] r = run(c, "--help");
            assertEquals("0", r[0], c);
            assertTrue(r[1].contains("Usage: teracon-workbench " + c), c + ": " + r[1]);
        }
    }

    @Test
    void runFromFlagsWritesTheRunFolderAndPrintsTheTables(@TempDir Path dir) throws Exception {
        String[] r = run("run", "--dataset", "sample-datasets/synthetic", "--method", "sinmoall", "--order", "next_item,taste_group",
                "--channels", "8", "--dilations", "1", "--epochs", "1", "--out", dir.resolve("r").toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("accuracy_matrix"), r[1]);
        assertTrue(r[1].contains("bwt_pct"), r[1]);
        assertTrue(r[1].contains("next_item (MRR@5, robust)") && r[1].contains("MRR@5 (robust)"), r[1]);
        assertTrue(r[1].lines().anyMatch(l -> l.contains("next_item") && l.contains("MRR@5 (robust)") && l.trim().endsWith("–  |")),
                "T1's FWT prints as –: " + r[1]);
        assertTrue(Files.exists(dir.resolve("r/results.json")));
        assertTrue(Files.isDirectory(dir.resolve(".sinmo-reference")), "FWT reference trained beside the run");
        String transfer = Files.readString(dir.resolve("r/transfer.csv"));
        assertTrue(transfer.lines().skip(1).findFirst().orElseThrow().endsWith(","), "T1's FWT is undefined (empty): " + transfer);
        assertFalse(transfer.lines().skip(2).anyMatch(l -> l.endsWith(",")), "FWT filled after T1: " + transfer);
        assertTrue(Files.readString(dir.resolve("r/accuracy_matrix.csv")).startsWith("after_task,\"next_item (MRR@5, robust)\","),
                "headers name the metric and the protocol");
    }

    @Test
    void benchmarkComparesStageOneWithAPeerAndFailsWithExitCodeOneWhenThePeerFails(@TempDir Path dir) throws Exception {
        String[] tiny = {"benchmark", "--dataset", "sample-datasets/synthetic", "--channels", "8", "--dilations", "1", "--stage1-only"};
        String[] r = run(concat(tiny, "--repeats", "2", "--out", dir.resolve("ok").toString(),
                "--peer", "echo RESULT channels={channels} dilations={dilations} batch={batch} steps_per_s=2.0 useful_gflops=1.0"));
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("peer: echo RESULT channels=8 dilations=1 batch=32"), r[1]);
        assertTrue(r[1].contains("| next_item (T1), median of 2 | own (sinmoall) | peer | own/peer |"), r[1]);
        assertFalse(r[1].contains("| sinmoall | 2 |"), "stage 1 only: " + r[1]);
        assertFalse(r[2].contains("warning"), "the peer trained our shape: " + r[2]);
        var json = org.teracon.workbench.experiment.Json.MAPPER.readTree(dir.resolve("ok/benchmark.json").toFile());
        assertEquals(2, json.get("repetitions").size());
        assertEquals(2.0, json.get("repetitions").get(1).get("peer").get("stepsPerSecond").asDouble());
        assertEquals(1, json.get("repetitions").get(0).get("own").get("stages").size());
        var memory = json.get("stages").get(0).get("memory"); // the stage's memory report (StageMemory)
        assertTrue(memory.get("peakRssBytes").asLong() >= memory.get("rssBytes").asLong(), memory.toString());
        assertTrue(memory.get("rssBytes").asLong() > 0);

        String[] failed = run(concat(tiny, "--repeats", "1", "--out", dir.resolve("bad").toString(), "--peer", "echo no torch >&2; exit 3"));
        assertEquals("1", failed[0], failed[2]);
        assertTrue(failed[2].contains("exit code 3") && failed[2].contains("no torch"), failed[2]);
    }

    /**
     * ND4J calls per step: counted over the same steps in every run (so the same numbers twice), more for
     * TERACON than for SinMoAll once it has masks and an old task to retain, and the profiler off afterwards.
     */
    @Test
    void benchmarkCountsTheSameCallsPerStepInEveryRun(@TempDir Path dir) throws Exception {
        String[] tiny = {"benchmark", "--dataset", "sample-datasets/synthetic", "--channels", "8", "--dilations", "1",
                "--order", "next_item,taste_group", "--methods", "sinmoall,teracon", "--count-calls"};
        com.fasterxml.jackson.databind.JsonNode[] calls = new com.fasterxml.jackson.databind.JsonNode[2];
        for (int i = 0; i < 2; i++) {
            String[] r = run(concat(tiny, "--out", dir.resolve("b" + i).toString()));
            assertEquals("0", r[0], r[2]);
            assertTrue(r[1].contains("ND4J calls a training step"), r[1]);
            calls[i] = org.teracon.workbench.experiment.Json.MAPPER.readTree(dir.resolve("b" + i + "/benchmark.json").toFile()).get("callsPerStep");
        }
        assertEquals(4, calls[0].size(), calls[0].toString());
        assertEquals(calls[0], calls[1], "the same calls in both runs");
        java.util.Map<String, Double> byStage = new java.util.HashMap<>();
        for (var c : calls[0]) {
            assertTrue(c.get("steps").asLong() > 0 && c.get("callsPerStep").asDouble() > 0, c.toString());
            byStage.put(c.get("method").asText() + c.get("stage").asInt(), c.get("callsPerStep").asDouble());
        }
        assertTrue(byStage.get("teracon2") > byStage.get("sinmoall2"), byStage.toString());
        long before = org.nd4j.linalg.profiler.OpProfiler.getInstance().getInvocationsCount();
        org.nd4j.linalg.factory.Nd4j.ones(3).addi(1);
        assertEquals(before, org.nd4j.linalg.profiler.OpProfiler.getInstance().getInvocationsCount(), "the profiler is off again");
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void badInputIsAnErrorMessageNotAStackTrace(@TempDir Path dir) {
        String[] r = run("run", "--dataset", "sample-datasets/synthetic", "--channels", "0", "--out", dir.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("error: channels must be >= 1, got 0"), r[2]);
        String[] missing = run("run", "--dataset", dir.resolve("nowhere").toString(), "--out", dir.resolve("x").toString());
        assertEquals("2", missing[0]);
        assertTrue(missing[2].startsWith("error: "), missing[2]);
    }

    @Test
    void anUnknownParamIsRefusedWithTheValidKeysBeforeAnythingRuns(@TempDir Path dir) {
        String[] r = run("run", "--dataset", "sample-datasets/synthetic", "--param", "nonsense=1", "--out", dir.resolve("r").toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("unknown parameter 'nonsense' for teracon; valid keys: teracon.sMax, teracon.alpha"), r[2]);
        assertFalse(Files.exists(dir.resolve("r")), "no run folder: nothing was trained");
        String[] other = run("run", "--method", "conure", "--param", "hat.lambda=1", "--out", dir.resolve("r").toString());
        assertEquals("2", other[0]);
        assertTrue(other[2].contains("valid keys: conure.keep, conure.retrainEpochs"), other[2]);
    }

    @Test
    void aParamValueOutsideItsSpecIsRefusedWithKeyValueAndRange(@TempDir Path dir) {
        String[] r = run("run", "--method", "conure", "--param", "conure.retrainEpochs=1.7", "--out", dir.toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("invalid value '1.7' for conure.retrainEpochs: not a whole number; expected a whole number in [0, ∞)"), r[2]);
        String[] flag = run("run", "--alpha", "-1", "--out", dir.toString());
        assertEquals("2", flag[0], flag[2]);
        assertTrue(flag[2].contains("--alpha: invalid value '-1' for teracon.alpha: expected a number in [0, ∞)"), flag[2]);
        String[] method = run("run", "--method", "teracon-fast", "--out", dir.toString());
        assertEquals("2", method[0]);
        assertTrue(method[2].contains("unknown method 'teracon-fast'"), method[2]);
    }

    @Test
    void aPresetIsABundleThatSingleFlagsOverride() {
        RunCommand cmd = new RunCommand();
        new CommandLine(cmd).parseArgs("--preset", "reference", "--protocol", "paper", "--lr-rest", "5e-5", "--epochs-second", "7",
                "--batch-size", "512", "--batch-size-second", "256", "--out", "unused");
        ExperimentConfig cfg = cmd.options.build();
        assertEquals("reference", cfg.preset());
        assertEquals(org.teracon.workbench.method.EvaluationProtocol.PAPER, cfg.protocol());
        assertEquals(256, cfg.backbone().channels());
        var t = cfg.training();
        assertEquals(new StageSchedule(10, 32, 1e-3), t.first(), "untouched: the preset's T1");
        assertEquals(new StageSchedule(7, 256, 1e-3), t.second(), "--batch-size-second beats --batch-size");
        assertEquals(new StageSchedule(100, 512, 5e-5), t.rest());
        assertEquals(5, t.patience());

        RunCommand plain = new RunCommand();
        new CommandLine(plain).parseArgs("--epochs", "4", "--lr", "3e-4", "--out", "unused");
        ExperimentConfig d = plain.options.build();
        assertEquals("cpu", d.preset());
        assertEquals(org.teracon.workbench.method.EvaluationProtocol.ROBUST, d.protocol());
        assertEquals(4, d.training().first().epochs(), "--epochs is every task's, T1 included");
        assertEquals(new StageSchedule(4, 64, 3e-4), d.training().rest());

        String[] bad = run("run", "--preset", "gpu", "--out", "unused");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("unknown preset 'gpu', expected one of [cpu, sample, cpu-reference, reference]"), bad[2]);
        String[] badProtocol = run("run", "--protocol", "strict", "--out", "unused");
        assertEquals("2", badProtocol[0]);
        assertTrue(badProtocol[2].contains("expected paper or robust"), badProtocol[2]);
    }

    @Test
    void theMethodFlagsAreMadeFromTheSpecs() {
        RunCommand cmd = new RunCommand();
        new CommandLine(cmd).parseArgs("--s", "25", "--no-kr", "--plain-masks", "--no-anneal", "--sampling", "fixed", "--rho-min", "0.2",
                "--alpha", "0.5", "--c", "3", "--param", "teracon.rhoInitial=0.5", "--out", "unused");
        ExperimentConfig cfg = cmd.options.build();
        assertEquals(new TeraconSettings(25, false, 0.5, 3, false, false, SamplingMode.FIXED, 0.2, 0.5), cfg.teracon());
        CompareCommand compare = new CompareCommand();
        new CommandLine(compare).parseArgs("--methods", "conure,hat", "--param", "conure.keep=0.5", "--param", "hat.lambda=2", "--out", "unused");
        ExperimentConfig base = compare.options.build(compare.methods);
        assertEquals(0.5, base.params().get(ConureMethod.KEEP));
        assertEquals(2.0, base.params().get(HatMethod.LAMBDA));
        String help = run("run", "--help")[1];
        assertTrue(help.contains("--rho-min=VALUE") && help.contains("teracon.rhoMin"), help);
        assertTrue(help.contains("--no-kr") && help.contains("Sets teracon.knowledgeRetention=false"), help);
        assertTrue(help.contains("piggyback.threshold  a number, default 0.005"), help);
    }

    @Test
    void studyRunsThroughTheSameStudyEntryAsTheWindow(@TempDir Path dir) throws Exception {
        String[] r = run("study", "sampling", "--dataset", "sample-datasets/synthetic", "--order", "next_item,taste_group",
                "--channels", "8", "--dilations", "1", "--epochs", "1", "--out", dir.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("| rho_min |") && r[1].contains("| all |"), r[1]);
        assertTrue(Files.readString(dir.resolve("sampling-study.csv")).lines().count() == 4, "header and three sampling modes");
        assertFalse(Files.isDirectory(dir.resolve(".sinmo-reference")), "a study trains no FWT reference from the CLI");
        String[] tooShort = run("study", "order", "--dataset", "sample-datasets/synthetic", "--order", "next_item,taste_group",
                "--out", dir.resolve("o").toString());
        assertEquals("2", tooShort[0]);
        assertTrue(tooShort[2].contains("at least two more tasks"), tooShort[2]);
    }
}

