package org.teracon.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --seeds on run, compare and study, with two tiny real runs per group on the bundled sample. */
class SeedCliTest {
    private static final String[] TINY = {"--dataset", "sample-datasets/synthetic", "--order", "next_item,taste_group",
            "--channels", "8", "--dilations", "1", "--epochs", "1"};

    /** The CLI in-process, as the jar runs it (exit code, stdout, stderr). */
    private static String[] run(String... args) {
        return CliTest.run(args);
    }

    private static String[] with(String command, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of(command));
        a.addAll(List.of(TINY));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** The numbers of a CSV line after its label. */
    private static double[] numbers(String line) {
        String[] p = line.split(",");
        double[] v = new double[p.length - 1];
        for (int i = 1; i < p.length; i++) v[i - 1] = p[i].isEmpty() ? Double.NaN : Double.parseDouble(p[i]);
        return v;
    }

    @Test
    void twoSeedsKeepTheirRunFoldersAndTheGroupMeanIsTheMeanOfTheirMatrices(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("g");
        String[] r = run(with("run", "--method", "sinmoall", "--seed", "5", "--seeds", "2", "--no-fwt-reference", "--out", out.toString()));
        assertEquals("0", r[0], r[2]);
        String group = Files.readString(out.resolve("group.json"));
        assertTrue(group.contains("\"seeds\" : [ 5, 6 ]") && group.contains("\"status\" : \"COMPLETED\""), group);
        List<String> a = Files.readAllLines(out.resolve("seed-5/accuracy_matrix.csv"));
        List<String> b = Files.readAllLines(out.resolve("seed-6/accuracy_matrix.csv"));
        List<String> m = Files.readAllLines(out.resolve("accuracy_matrix_mean_std.csv"));
        assertTrue(m.get(0).startsWith("after_task,next_item (MRR@5) mean,next_item (MRR@5) std(n-1),next_item (MRR@5) n"), m.get(0));
        // row "after taste_group": both tasks measured in both seeds
        double[] va = numbers(a.get(2));
        double[] vb = numbers(b.get(2));
        double[] vm = numbers(m.get(2));
        for (int i = 0; i < 2; i++) {
            assertEquals((va[i] + vb[i]) / 2, vm[3 * i], 1e-6, "mean of task " + i);
            // sample std of two values: |a − b| / sqrt(2)
            assertEquals(Math.abs(va[i] - vb[i]) / Math.sqrt(2), vm[3 * i + 1], 1e-6, "std of task " + i);
            assertEquals(2, vm[3 * i + 2]);
        }
        assertTrue(Files.readString(out.resolve("summary.md")).contains(" ± "));
        assertTrue(Files.readString(out.resolve("transfer_mean_std.csv")).contains("bwt_pct mean"));
        assertFalse(Files.exists(out.resolve("results.json")), "the group folder holds the seeds' folders, not a run");
    }

    @Test
    void oneSeedKeepsTodaysLayoutAndBadSeedsStopBeforeTraining(@TempDir Path dir) throws Exception {
        String[] twice = run(with("run", "--seeds", "3,4,3", "--out", dir.resolve("x").toString()));
        assertEquals("2", twice[0]);
        assertTrue(twice[2].contains("--seeds: seed 3 is given twice"), twice[2]);
        String[] zero = run(with("compare", "--methods", "sinmo", "--seeds", "0", "--out", dir.resolve("y").toString()));
        assertEquals("2", zero[0]);
        assertTrue(zero[2].contains("≥ 1"), zero[2]);
        String[] baseline = run(with("compare", "--methods", "sinmo,sinmoall", "--seeds", "2", "--baseline", "hat",
                "--out", dir.resolve("z").toString()));
        assertEquals("2", baseline[0]);
        assertTrue(baseline[2].contains("--baseline hat is not one of"), baseline[2]);
        assertFalse(Files.exists(dir.resolve("x")) || Files.exists(dir.resolve("y")) || Files.exists(dir.resolve("z")), "nothing trained");

        String[] one = run(with("run", "--method", "sinmoall", "--seeds", "1", "--no-fwt-reference", "--out", dir.resolve("one").toString()));
        assertEquals("0", one[0], one[2]);
        assertTrue(Files.exists(dir.resolve("one/results.json")));
        assertFalse(Files.exists(dir.resolve("one/group.json")));
    }

    @Test
    void compareOverSeedsTestsEachMethodAgainstTheBaseline(@TempDir Path dir) throws Exception {
        String[] r = run(with("compare", "--methods", "sinmo,sinmoall", "--seeds", "7,9", "--baseline", "sinmo", "--out", dir.toString()));
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.exists(dir.resolve("seed-7/sinmoall/results.json")) && Files.exists(dir.resolve("seed-9/sinmo/results.json")));
        String csv = Files.readString(dir.resolve("comparison.csv"));
        String header = csv.lines().findFirst().orElseThrow();
        assertTrue(header.contains("next_item (MRR@5, robust) mean") && header.contains("next_item (MRR@5, robust) std(n-1)")
                && header.contains("next_item (MRR@5, robust) p_paired_t vs sinmo") && header.contains("next_item (MRR@5, robust) p_wilcoxon vs sinmo"), header);
        String md = Files.readString(dir.resolve("comparison.md"));
        assertTrue(md.contains("Paired tests of R(T_M, T_i) against sinmo") && md.contains("| sinmoall |") && md.contains("(2)"), md);
        assertTrue(md.contains("exact"), md);
        String tex = Files.readString(dir.resolve("comparison.tex"));
        assertTrue(tex.contains("\\toprule") && tex.contains(" \\pm ") && tex.contains("\\textbf{\\boldmath$"),
                "the comparison as LaTeX, mean ± std over the seeds, the best per column bold: " + tex);
        assertTrue(r[1].contains("=== run 4/4: seed-9/"), r[1]);
    }

    @Test
    void aStudyOverSeedsAggregatesItsTable(@TempDir Path dir) throws Exception {
        String[] r = run(with("study", "noisy", "--seeds", "2", "--noisy-position", "2", "--out", dir.toString()));
        assertEquals("0", r[0], r[2]);
        String md = Files.readString(dir.resolve("noisy-study.md"));
        assertTrue(md.contains("| next_item (MRR@5, robust) |") && md.contains(" ± ") && md.contains("(2)"), md);
        assertTrue(Files.readString(dir.resolve("noisy-study.csv")).lines().findFirst().orElseThrow().contains("without noise mean"));
        assertTrue(Files.readString(dir.resolve("noisy-study.tex")).contains("without noise & with noise & degradation \\%"));
        assertTrue(Files.exists(dir.resolve("seed-43/with-noise/results.json")));
    }

    /** Issue #11 problem 8 on the command line: the study takes the experiment's noisy task and position, and says so. */
    @Test
    void theNoisyStudyTakesTheExperimentsNoisyTaskAndSaysWhichPosition(@TempDir Path dir) throws Exception {
        String[] tiny = {"--dataset", "sample-datasets/synthetic", "--channels", "8", "--dilations", "1", "--epochs", "1"};
        String[] r = run(CliTest.concat(CliTest.concat(new String[]{"study", "noisy"}, tiny), "--order", "next_item,taste_group,noise", "--out", dir.toString()));
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("noisy-task study: the dataset's own noisy task 'noise' at position 3 (from the experiment)"), r[1]);
        assertEquals(List.of("next_item", "taste_group"),
                org.teracon.workbench.experiment.ExperimentFiles.read(dir.resolve("without-noise/experiment.json")).taskOrder());

        String[] g = run(with("study", "noisy", "--noisy", "3", "--out", dir.resolve("g").toString()));
        assertEquals("0", g[0], g[2]);
        assertTrue(g[1].contains("a generated noisy task at position 3 (from the experiment)"), g[1]);
    }
}
