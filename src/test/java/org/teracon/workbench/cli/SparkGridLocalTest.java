package org.teracon.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.experiment.Json;

/**
 * A seed grid of {@code compare} on Spark's local[2] against the same grid run here one after another:
 * the same folders and files, and results.json accuracy matrices equal to the last bit; then a resume
 * that trains nothing, and a resume after a run folder was broken that trains that run only.
 */
class SparkGridLocalTest {
    static final String[] GRID = {"compare", "--dataset", "sample-datasets/synthetic", "--order", "next_item,taste_group",
            "--channels", "8", "--dilations", "1", "--epochs", "1", "--methods", "sinmo,sinmoall", "--seeds", "2"};

    static String[] grid(Path out, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of(GRID));
        a.add("--out");
        a.add(out.toString());
        a.addAll(List.of(more));
        return CliTest.run(a.toArray(String[]::new));
    }

    /** Every file of a grid folder by relative path, without the Spark report and checkpoints' binary timing-free parts. */
    static List<String> files(Path root) throws Exception {
        try (Stream<Path> w = Files.walk(root)) {
            return w.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(p -> !p.equals("spark-grid.json")).sorted().toList();
        }
    }

    /** The accuracy matrix of each run's results.json must be identical, value for value. */
    static void sameResults(Path local, Path spark) throws Exception {
        assertEquals(files(local), files(spark), "the same run folders and files");
        List<String> results = files(local).stream().filter(p -> p.endsWith("results.json") && p.contains("seed-")).toList();
        assertEquals(4, results.stream().filter(p -> !p.contains(".sinmo-reference")).count(), results.toString());
        for (String r : results) {
            JsonNode a = Json.MAPPER.readTree(local.resolve(r).toFile());
            JsonNode b = Json.MAPPER.readTree(spark.resolve(r).toFile());
            assertEquals("COMPLETED", b.path("status").asText(), r);
            assertEquals(a.path("matrix"), b.path("matrix"), r + ": accuracy matrix");
            assertEquals(a.path("transfer"), b.path("transfer"), r + ": transfer table");
            if (r.contains(".sinmo-reference")) continue;
            assertEquals(Files.readString(local.resolve(r).resolveSibling("accuracy_matrix.csv")),
                    Files.readString(spark.resolve(r).resolveSibling("accuracy_matrix.csv")), r);
        }
        assertTrue(Files.readString(spark.resolve("comparison.csv")).startsWith("method,"));
    }

    @Test
    void aSeedGridOnLocal2EqualsTheLocalGridAndResumesWithoutRetraining(@TempDir Path dir) throws Exception {
        Path local = dir.resolve("local");
        Path spark = dir.resolve("spark");
        String[] l = grid(local);
        assertEquals("0", l[0], l[1] + l[2]);
        String[] s = grid(spark, "--spark", "local[2]");
        assertEquals("0", s[0], s[1] + s[2]);
        assertTrue(s[1].contains("grid: 4 of 4 runs completed"), s[1]);
        assertTrue(s[1].matches("(?s).*\\[grid \\d done, \\d running, \\d queued\\] seed-4\\d/sinmo\\w*: running on executor driver.*"), s[1]);
        sameResults(local, spark);
        JsonNode report = Json.MAPPER.readTree(spark.resolve("spark-grid.json").toFile());
        assertEquals(4, report.path("runs").size());

        // resume: every run completed, nothing trains again (results.json untouched)
        Path one = spark.resolve("seed-42/sinmoall/results.json");
        String before = Files.readString(one);
        String[] again = grid(spark, "--spark", "local[2]", "--resume");
        assertEquals("0", again[0], again[1] + again[2]);
        assertFalse(again[1].contains("running on"), again[1]);
        assertEquals(before, Files.readString(one));

        // a run whose folder lost its results (a crash mid-publish of an earlier tool): only it trains again
        Files.delete(one);
        String[] fix = grid(spark, "--spark", "local[2]", "--resume");
        assertEquals("0", fix[0], fix[1] + fix[2]);
        assertTrue(fix[1].contains("seed-42/sinmoall: running on"), fix[1]);
        assertFalse(fix[1].contains("seed-43/sinmoall: running on"), fix[1]);
        assertEquals(Json.MAPPER.readTree(before).path("matrix"), Json.MAPPER.readTree(one.toFile()).path("matrix"));
    }

    /** run --seeds N --spark M --resume: a group whose run lost its results trains that seed only, to the same matrix. */
    @Test
    void runSeedsOnSparkResumesOnlyTheRunThatDidNotComplete(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("group");
        String[] run = {"run", "--dataset", "sample-datasets/synthetic", "--order", "next_item,taste_group", "--channels", "8",
                "--dilations", "1", "--epochs", "1", "--method", "sinmo", "--seeds", "2", "--out", out.toString(), "--spark", "local[2]"};
        String[] first = CliTest.run(run);
        assertEquals("0", first[0], first[1] + first[2]);
        assertTrue(first[1].contains("seed-42: running on") && first[1].contains("seed-43: running on"), first[1]);
        Path broken = out.resolve("seed-43/results.json");
        Path kept = out.resolve("seed-42/results.json");
        String before = Files.readString(broken);
        String keptBefore = Files.readString(kept);
        Files.delete(broken);

        List<String> again = new java.util.ArrayList<>(List.of(run));
        again.add("--resume");
        String[] resumed = CliTest.run(again.toArray(String[]::new));
        assertEquals("0", resumed[0], resumed[1] + resumed[2]);
        assertTrue(resumed[1].contains("seed-43: running on"), resumed[1]);
        assertFalse(resumed[1].contains("seed-42: running on"), "a completed run is kept: " + resumed[1]);
        assertEquals(keptBefore, Files.readString(kept));
        assertEquals(Json.MAPPER.readTree(before).path("matrix"), Json.MAPPER.readTree(broken.toFile()).path("matrix"));
        assertTrue(Files.isRegularFile(out.resolve("group.json")));

        String[] single = CliTest.run("run", "--dataset", "sample-datasets/synthetic", "--out", dir.resolve("one").toString(), "--resume");
        assertEquals("2", single[0], "a single run resumes from its folder: --resume DIR");
        assertTrue(single[2].contains("--resume without DIR continues a seed group"), single[2]);
    }

    @Test
    void badSparkFlagsStopBeforeTraining(@TempDir Path dir) {
        String[] conf = grid(dir.resolve("a"), "--spark", "local[2]", "--spark-conf", "executor.memory");
        assertEquals("2", conf[0]);
        assertTrue(conf[2].contains("expected spark.key=value"), conf[2]);
        String[] master = grid(dir.resolve("b"), "--spark", "mesos://x");
        assertEquals("2", master[0]);
        assertTrue(master[2].contains("expected local[N], spark://host:port"), master[2]);
        String[] both = grid(dir.resolve("c"), "--spark", "local[2]", "--resume", "--force");
        assertEquals("2", both[0]);
        assertFalse(Files.exists(dir.resolve("a")) || Files.exists(dir.resolve("b")) || Files.exists(dir.resolve("c")), "nothing written");
    }
}
