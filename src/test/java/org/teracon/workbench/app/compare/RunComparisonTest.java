package org.teracon.workbench.app.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.experiment.AccuracyMatrix;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.SeedStats;
import org.teracon.workbench.experiment.TransferScores;
import org.teracon.workbench.method.teracon.TeraconSettings;

/** The comparison model against numbers worked out by hand from small accuracy matrices. */
class RunComparisonTest {
    private static final double NA = Double.NaN;
    private static final ExperimentConfig TERACON = ExperimentConfig.defaults("d");

    @Test
    void settingsDiffListsOnlyTheKeysThatDiffer() {
        RunResult a = run("a", TERACON, List.of("T1"), new double[][]{{0.5}});
        RunResult b = run("b", TERACON.withParam(TeraconSettings.ALPHA, 0.5), List.of("T1"), new double[][]{{0.5}});
        List<SettingsDiff.Row> rows = SettingsDiff.of(List.of(CompareUnit.single("a", a), CompareUnit.single("b", b)));
        assertEquals(List.of(new SettingsDiff.Row("params.teracon.alpha", List.of("0.7", "0.5"))), rows);

        RunResult c = run("c", TERACON.withMethod("sinmoall").withSeed(7), List.of("T1"), new double[][]{{0.5}});
        List<SettingsDiff.Row> three = SettingsDiff.of(units(a, b, c));
        Map<String, List<String>> byKey = three.stream().collect(java.util.stream.Collectors.toMap(SettingsDiff.Row::key, SettingsDiff.Row::values));
        assertEquals(List.of("teracon", "teracon", "sinmoall"), byKey.get("method"));
        assertEquals(List.of("0.7", "0.5", SettingsDiff.ABSENT), byKey.get("params.teracon.alpha"), "sinmoall has no alpha");
        assertEquals(List.of("42", "42", "7"), byKey.get(SettingsDiff.SEEDS));
        assertFalse(byKey.containsKey("dataset"), "equal everywhere: " + byKey.keySet());
        assertFalse(byKey.containsKey("backbone.channels"));
        assertFalse(byKey.containsKey("training.first.epochs"));
    }

    @Test
    void deltasAreAgainstTheChosenReferenceAndMatchTasksByName() {
        RunResult a = run("a", TERACON, List.of("T1", "T2"), new double[][]{{0.5, NA}, {0.4, 0.8}});
        RunResult b = run("b", TERACON, List.of("T1", "T2"), new double[][]{{0.5, NA}, {0.45, 0.7}});
        RunResult c = run("c", TERACON, List.of("T1", "T3"), new double[][]{{0.6, NA}, {0.3, 0.9}});
        RunComparison cmp = RunComparison.of(units(a, b, c), 1, CompareMeasure.LAST);

        assertEquals(List.of("T1", "T2", "T3"), cmp.tasks().stream().map(TaskComparison.Row::task).toList());
        TaskComparison.Row t1 = cmp.tasks().get(0);
        assertEquals(0.4, t1.values().get(0).mean(), 1e-12);
        assertEquals(-0.05, t1.deltas().get(0), 1e-12);
        assertTrue(Double.isNaN(t1.deltas().get(1)), "no Δ for the reference itself");
        assertEquals(-0.15, t1.deltas().get(2), 1e-12);
        assertEquals(0.1, cmp.tasks().get(1).deltas().get(0), 1e-12);
        assertTrue(Double.isNaN(cmp.tasks().get(1).deltas().get(2)), "c has no T2");
        assertEquals(0, cmp.tasks().get(1).values().get(2).n());
        assertTrue(Double.isNaN(cmp.tasks().get(2).deltas().get(2)), "the reference has no T3");
        assertNull(t1.tests().get(0), "single runs: no test");

        // BWT of T1 in a = (0.4 − 0.5) / 0.5 · 100 = −20 %, in b −10 %
        RunComparison bwt = RunComparison.of(units(a, b, c), 1, CompareMeasure.BWT);
        assertEquals(-10.0, bwt.tasks().get(0).deltas().get(0), 1e-9);

        // the same table as numbers for CSV and LaTeX: units, then Δ against the reference (b)
        String csv = bwt.table().csv();
        String header = csv.lines().findFirst().orElseThrow();
        assertTrue(header.startsWith("task,metric,a bwt_pct,b bwt_pct,c bwt_pct,delta a - b bwt_pct,delta c - b bwt_pct"), header);
        String t1Line = csv.lines().skip(1).findFirst().orElseThrow();
        double[] v = java.util.Arrays.stream(t1Line.split(",")).skip(2).mapToDouble(Double::parseDouble).toArray();
        assertArrayEquals(new double[]{-20, -10, -50, -10, -40}, v, 1e-9, t1Line);
    }

    @Test
    void matrixDifferenceIsRunMinusReferenceWithBlanksForMissingTasks() {
        RunResult a = run("a", TERACON, List.of("T1", "T2"), new double[][]{{0.5, NA}, {0.4, 0.8}});
        RunResult b = run("b", TERACON, List.of("T1", "T2"), new double[][]{{0.5, NA}, {0.45, 0.7}});
        RunResult c = run("c", TERACON, List.of("T1", "T3"), new double[][]{{0.6, NA}, {0.3, 0.9}});
        RunComparison cmp = RunComparison.of(units(a, b, c), 1, CompareMeasure.LAST);
        assertEquals(2, cmp.differences().size());
        MatrixDifference da = cmp.differences().get(0);
        assertEquals("a", da.label());
        assertEquals(List.of("T1", "T2"), da.tasks());
        assertEquals(0.0, da.values()[0][0], 1e-12);
        assertEquals(-0.05, da.values()[1][0], 1e-12);
        assertEquals(0.1, da.values()[1][1], 1e-12);
        assertTrue(Double.isNaN(da.values()[0][1]), "not measured on either side");
        assertTrue(da.notes().isEmpty());

        MatrixDifference dc = cmp.differences().get(1);
        assertEquals(List.of("T1", "T2", "T3"), dc.tasks());
        assertEquals(0.1, dc.values()[0][0], 1e-12);
        assertTrue(Double.isNaN(dc.values()[1][0]) && Double.isNaN(dc.values()[2][0]) && Double.isNaN(dc.values()[2][2]));
        assertEquals(List.of("T2: not in c", "T3: not in the reference b"), dc.notes());
    }

    @Test
    void seedGroupsGiveMeanStdAndPairedTestsBySeed() {
        ExperimentConfig sinmo = TERACON.withMethod("sinmoall");
        List<LabelledRun> selected = List.of(
                labelled("g1/seed-1", TERACON.withSeed(1), 0.30), labelled("g2/seed-1", sinmo.withSeed(1), 0.31),
                labelled("g1/seed-2", TERACON.withSeed(2), 0.40), labelled("g2/seed-2", sinmo.withSeed(2), 0.42),
                labelled("g1/seed-3", TERACON.withSeed(3), 0.50), labelled("g2/seed-3", sinmo.withSeed(3), 0.53));
        List<CompareUnit> units = CompareUnits.of(selected, true);
        assertEquals(List.of("g1 [seeds 1, 2, 3]", "g2 [seeds 1, 2, 3]"), units.stream().map(CompareUnit::label).toList());
        RunComparison cmp = RunComparison.of(units, 0, CompareMeasure.LAST);
        assertTrue(cmp.hasTests());
        TaskComparison.Row row = cmp.tasks().get(0);
        assertEquals(0.42, row.values().get(1).mean(), 1e-12);
        assertEquals(0.11, row.values().get(1).std(), 1e-12);
        assertEquals(0.10, row.values().get(0).std(), 1e-12);
        assertEquals(0.02, row.deltas().get(1), 1e-12);
        // differences by seed 0.01, 0.02, 0.03: t = 0.02 / (0.01 / √3) = 2√3 on 2 degrees of freedom, whose
        // two-sided p is 1 − t / √(t² + 2); Wilcoxon: all three signs positive, exact p = 2 · 1/8
        SeedStats.Paired p = row.tests().get(1);
        assertEquals(3, p.n());
        assertEquals(1 - Math.sqrt(12) / Math.sqrt(14), p.pT(), 1e-9);
        assertEquals(0.25, p.pWilcoxon(), 1e-12);
        assertNull(row.tests().get(0), "the reference is not tested against itself");

        List<CompareUnit> apart = CompareUnits.of(selected, false);
        assertEquals(6, apart.size(), "without grouping every run is its own unit");
    }

    @Test
    void aRepeatedSeedKeepsRunsApartAndLabelsStayUnique() {
        List<CompareUnit> units = CompareUnits.of(List.of(labelled("x", TERACON, 0.3), labelled("x", TERACON, 0.4)), true);
        assertEquals(List.of("x", "x (2)"), units.stream().map(CompareUnit::label).toList());
        assertThrows(IllegalArgumentException.class, () -> RunComparison.of(units.subList(0, 1), 0, CompareMeasure.LAST));
    }

    @Test
    void epochCurvesRunOverAllTasksAndAverageSeeds() {
        List<RunResult.Epoch> e1 = List.of(epoch(0, 1, 5.0, 0.1), epoch(0, 2, 4.0, 0.2), epoch(1, 1, 3.0, 0.3));
        List<RunResult.Epoch> e2 = List.of(epoch(0, 1, 3.0, 0.3));
        RunResult r1 = withEpochs(run("r1", TERACON.withSeed(1), List.of("T1"), new double[][]{{0.5}}), e1);
        RunResult r2 = withEpochs(run("r2", TERACON.withSeed(2), List.of("T1"), new double[][]{{0.5}}), e2);
        EpochCurves one = EpochCurves.of(CompareUnit.single("r1", r1));
        assertEquals(List.of(5.0, 4.0, 3.0), one.trainingLoss().stream().map(EpochCurves.Point::y).toList());
        assertEquals(List.of(1.0, 2.0, 3.0), one.validation().stream().map(EpochCurves.Point::x).toList());
        EpochCurves group = EpochCurves.of(new CompareUnit("g", List.of(r1, r2)));
        assertEquals(4.0, group.trainingLoss().get(0).y(), 1e-12, "(5 + 3) / 2 at stage 0 epoch 1");
        assertEquals(0.2, group.validation().get(0).y(), 1e-12);
        assertEquals(4.0, group.trainingLoss().get(1).y(), 1e-12, "only seed 1 reached epoch 2");
    }

    private static List<CompareUnit> units(RunResult... runs) {
        return java.util.Arrays.stream(runs).map(r -> CompareUnit.single(r.runId(), r)).toList();
    }

    private static LabelledRun labelled(String label, ExperimentConfig c, double score) {
        return new LabelledRun(label, run(label, c, List.of("T1"), new double[][]{{score}}));
    }

    private static RunResult.Epoch epoch(int stage, int epoch, double total, double val) {
        return new RunResult.Epoch(stage, "T" + (stage + 1), epoch, Map.of("total", total), val, true, 1.0);
    }

    private static RunResult withEpochs(RunResult r, List<RunResult.Epoch> epochs) {
        return new RunResult(r.runId(), r.config(), r.status(), r.message(), r.backend(), r.matrix(), r.transfer(), r.evaluations(),
                r.maskSimilarity(), r.samplingRates(), r.stageSeconds(), r.epochSeconds(), r.totalSeconds(), epochs);
    }

    private static RunResult run(String id, ExperimentConfig c, List<String> tasks, double[][] m) {
        AccuracyMatrix matrix = new AccuracyMatrix(tasks, tasks.stream().map(t -> "MRR@5").toList(), m);
        return new RunResult(id, c.withTaskOrder(tasks), RunStatus.COMPLETED, "", "CPU", matrix, TransferScores.of(matrix, null),
                List.of(), null, List.of(), List.of(), List.of(), 1.0, List.of());
    }
}
