package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.app.Experiments;
import org.teracon.workbench.app.LiveEngine;
import org.teracon.workbench.app.RunEntry;
import org.teracon.workbench.app.SeedRuns;
import org.teracon.workbench.experiment.AccuracyMatrix;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.RunInfo;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.SeedComparison;
import org.teracon.workbench.experiment.SeedList;
import org.teracon.workbench.experiment.SeedStats;
import org.teracon.workbench.method.teracon.TeraconSettings;
import org.teracon.workbench.ui.view.ErrorBarChart;
import org.teracon.workbench.ui.view.HeatmapView;
import org.teracon.workbench.ui.vm.HeatmapData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Compare view on real tiny runs: three runs against a picked reference (settings diff, Δ per
 * task, overlaid curves, the matrix-difference heatmap), then two seed groups with their paired tests.
 * Expected numbers are read from each run's results.json, not from the comparison code.
 */
class UiCompareTest extends WorkbenchWindowTest {
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L);

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void threeRunsAgainstAPickedReferenceThenTwoSeedGroups(FxRobot robot) throws Exception {
        TinyExperiment.twoTasks(robot, ctx);
        ExperimentConfig teracon = ctx.currentExperiment().withMethod("teracon");
        ExperimentConfig sinmo = teracon.withMethod("sinmoall");
        // Real runs, trained here rather than through the Run button to keep the test short: two seed groups
        // laid out as the window writes them, and one TERACON run with another alpha, named in run-info.json.
        Path gT = runs.resolve("gT");
        Path gS = runs.resolve("gS");
        Path b = runs.resolve("b");
        assertTrue(SeedRuns.run(teracon, new SeedList(SEEDS), gT, k -> e -> { }, new CancellationToken(), Experiments.Reference.CACHED_ONLY).allCompleted());
        assertTrue(SeedRuns.run(sinmo, new SeedList(SEEDS), gS, k -> e -> { }, new CancellationToken(), Experiments.Reference.CACHED_ONLY).allCompleted());
        LiveEngine engine = new LiveEngine(runs);
        assertEquals(RunStatus.COMPLETED, engine.run(teracon.withSeed(1).withParam(TeraconSettings.ALPHA, 0.3), b, e -> { }, new CancellationToken()).status());
        new RunInfo("alpha 0.3", List.of(), "").write(b);

        robot.clickOn("4 History & compare");
        robot.interact(() -> ctx.history.refresh());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ctx.history.runs().size() == 7);

        // 1. Three runs; the second is picked as the reference.
        select(robot, List.of(gT.resolve("seed-1"), b, gS.resolve("seed-1")));
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ctx.history.comparison().unitLabels().size() == 3);
        @SuppressWarnings("unchecked")
        ComboBox<String> reference = robot.lookup("#referenceBox").queryAs(ComboBox.class);
        // units follow the history table's order of the selected rows
        List<String> units = List.copyOf(reference.getItems());
        assertEquals(Set.of("gT/seed-1", "alpha 0.3", "gS/seed-1"), Set.copyOf(units), "run-info.json name, else the folder");
        assertEquals(units.get(0), reference.getValue(), "the first selected run is the default reference");
        robot.interact(() -> reference.getSelectionModel().select("alpha 0.3"));
        WaitForAsyncUtils.waitForFxEvents();
        int a = units.indexOf("gT/seed-1");
        int c = units.indexOf("gS/seed-1");
        assertEquals(units.indexOf("alpha 0.3"), ctx.history.comparison().comparisonProperty().get().reference());

        Map<String, List<String>> settings = settingsShown(robot);
        for (Map.Entry<String, List<String>> e : settings.entrySet()) {
            assertTrue(new HashSet<>(e.getValue()).size() > 1, "only differing keys are listed: " + e);
        }
        assertEquals(byUnit(units, Map.of("gT/seed-1", "teracon", "alpha 0.3", "teracon", "gS/seed-1", "sinmoall")), settings.get("method"));
        assertEquals(byUnit(units, Map.of("gT/seed-1", "0.7", "alpha 0.3", "0.3", "gS/seed-1", "–")), settings.get("params.teracon.alpha"));
        for (String same : List.of("seeds", "dataset", "taskOrder", "backbone.channels", "training.first.epochs", "preset", "protocol")) {
            assertFalse(settings.containsKey(same), same + " is equal in all three: " + settings.keySet());
        }

        RunResult rA = engine.loadRun(gT.resolve("seed-1"));
        RunResult rB = engine.loadRun(b);
        RunResult rC = engine.loadRun(gS.resolve("seed-1"));
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup("#compareTable").queryAs(TableView.class);
        List<String> tasks = rB.matrix().tasks();
        assertEquals(tasks.size(), table.getItems().size());
        for (int row = 0; row < tasks.size(); row++) {
            String task = tasks.get(row);
            assertEquals(signed(last(rA, task) - last(rB, task)), cell(table, "delta-" + a, row), task);
            assertEquals(signed(last(rC, task) - last(rB, task)), cell(table, "delta-" + c, row), task);
        }
        String refDelta = "delta-" + units.indexOf("alpha 0.3");
        assertTrue(table.getColumns().stream().noneMatch(col -> refDelta.equals(col.getId())), "no Δ column for the reference");

        for (String id : List.of("#compareLossChart", "#compareValidationChart")) {
            @SuppressWarnings("unchecked")
            LineChart<Number, Number> chart = robot.lookup(id).queryAs(LineChart.class);
            assertEquals(units, chart.getData().stream().map(XYChart.Series::getName).toList(), id);
            assertTrue(chart.getData().stream().allMatch(s -> !s.getData().isEmpty()), id + " has points for every run");
        }

        @SuppressWarnings("unchecked")
        ComboBox<String> difference = robot.lookup("#differenceBox").queryAs(ComboBox.class);
        robot.interact(() -> difference.getSelectionModel().select("gS/seed-1"));
        HeatmapData heat = robot.lookup("#differenceHeatmap").queryAs(HeatmapView.class).dataProperty().get();
        assertEquals(tasks, heat.labels());
        assertTrue(heat.diverging());
        AccuracyMatrix mc = rC.matrix();
        AccuracyMatrix mb = rB.matrix();
        int last = tasks.size() - 1;
        assertEquals(mc.get(last, 0) - mb.get(last, 0), heat.values()[last][0], 1e-12, "cell = run − reference");
        assertEquals(mc.get(0, 0) - mb.get(0, 0), heat.values()[0][0], 1e-12);
        assertTrue(Double.isNaN(heat.values()[0][last]), "never measured: blank");

        // 2. Two seed groups: the six runs form two units; the p-values are those of SeedComparison.
        List<Path> six = new ArrayList<>();
        for (long s : SEEDS) {
            six.add(gT.resolve(SeedList.folder(s)));
            six.add(gS.resolve(SeedList.folder(s)));
        }
        select(robot, six);
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ctx.history.comparison().unitLabels().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> groups = List.copyOf(reference.getItems());
        assertEquals(Set.of("gT [seeds 1, 2, 3]", "gS [seeds 1, 2, 3]"), Set.copyOf(groups));
        int tGroup = groups.indexOf("gT [seeds 1, 2, 3]");
        robot.interact(() -> reference.getSelectionModel().select("gS [seeds 1, 2, 3]"));
        WaitForAsyncUtils.waitForFxEvents();
        List<Map<String, RunResult>> perSeed = new ArrayList<>();
        for (long s : SEEDS) {
            Map<String, RunResult> m = new LinkedHashMap<>();
            m.put("teracon", engine.loadRun(gT.resolve(SeedList.folder(s))));
            m.put("sinmoall", engine.loadRun(gS.resolve(SeedList.folder(s))));
            perSeed.add(m);
        }
        SeedComparison expected = SeedComparison.of(SEEDS, perSeed, "sinmoall");
        AccuracyMatrix m0 = perSeed.get(0).get("teracon").matrix();
        for (int row = 0; row < tasks.size(); row++) {
            SeedStats.Paired p = expected.test("teracon", m0.column(row));
            assertEquals(3, p.n(), "three pairs");
            assertFalse(Double.isNaN(p.pT()), "the seeds' differences have a spread, so the test is defined");
            assertEquals(SeedStats.p(p.pT()) + " / " + SeedStats.p(p.pWilcoxon()) + " (3)", cell(table, "p-" + tGroup, row), tasks.get(row));
        }
        ErrorBarChart bars = robot.lookup("#compareBarChart").queryAs(ErrorBarChart.class);
        assertEquals(2, bars.getData().size());
        XYChart.Data<String, Number> first = bars.getData().get(tGroup).getData().get(0);
        double[] firstTask = perSeed.stream().mapToDouble(m -> last(m.get("teracon"), first.getXValue())).toArray();
        assertEquals(SeedStats.summary(firstTask).mean(), first.getYValue().doubleValue(), 1e-12);
        assertEquals(SeedStats.summary(firstTask).std(), ErrorBarChart.std(first), 1e-12, "the whisker is the std over seeds");

        // The whiskers are drawn: one vertical line and two caps (6 path elements) per bar, ending at mean ± std.
        robot.clickOn("Bars ± std");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.shape.Path whiskers = robot.lookup(".error-bar").queryAs(javafx.scene.shape.Path.class);
        int barsWithStd = (int) bars.getData().stream().flatMap(x -> x.getData().stream()).filter(d -> !Double.isNaN(ErrorBarChart.std(d))).count();
        assertEquals(2 * tasks.size(), barsWithStd);
        assertEquals(6 * barsWithStd, whiskers.getElements().size());
        XYChart.Data<String, Number> d0 = bars.getData().get(0).getData().get(0);
        double top = bars.getYAxis().getDisplayPosition(d0.getYValue().doubleValue() + ErrorBarChart.std(d0));
        assertEquals(top, ((javafx.scene.shape.MoveTo) whiskers.getElements().get(0)).getY(), 1e-9);
    }

    private void select(FxRobot robot, List<Path> dirs) {
        @SuppressWarnings("unchecked")
        TableView<RunEntry> runTable = robot.lookup("#runTable").queryAs(TableView.class);
        robot.interact(() -> {
            runTable.getSelectionModel().clearSelection();
            for (Path d : dirs) {
                runTable.getSelectionModel().select(runTable.getItems().stream().filter(e -> e.dir().equals(d)).findFirst().orElseThrow());
            }
        });
        assertEquals(dirs.size(), runTable.getSelectionModel().getSelectedItems().size());
    }

    private static List<String> byUnit(List<String> units, Map<String, String> value) {
        return units.stream().map(value::get).toList();
    }

    private static Map<String, List<String>> settingsShown(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<Object> t = robot.lookup("#settingsTable").queryAs(TableView.class);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int r = 0; r < t.getItems().size(); r++) {
            List<String> values = new ArrayList<>();
            for (int c = 1; c < t.getColumns().size(); c++) values.add(String.valueOf(t.getColumns().get(c).getCellData(r)));
            out.put(String.valueOf(t.getColumns().get(0).getCellData(r)), values);
        }
        return out;
    }

    private static String cell(TableView<Object> table, String columnId, int row) {
        TableColumn<Object, ?> col = table.getColumns().stream().filter(c -> columnId.equals(c.getId())).findFirst().orElseThrow();
        return String.valueOf(col.getCellData(row));
    }

    /** R(T_M, T_i) straight from the run's accuracy matrix. */
    private static double last(RunResult r, String task) {
        AccuracyMatrix m = r.matrix();
        return m.get(m.lastStage(), m.tasks().indexOf(task));
    }

    private static String signed(double v) {
        return String.format(Locale.ROOT, "%+.4f", v);
    }
}
