package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.app.RunEntry;
import org.teracon.workbench.experiment.AccuracyMatrix;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.RunEvent;
import org.teracon.workbench.experiment.RunInfo;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.TransferScores;
import org.teracon.workbench.ui.vm.TransferCells;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Issue #11 items 1, 5, 6: named runs, honest BWT/FWT cells, progress text that is never stale. */
class UiResearcherTest extends WorkbenchWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    /**
     * Three tasks, two epochs of ten batches each, 0.1 s per batch, 0.3 s per validation and per task
     * evaluated after a stage: after the first epoch the ETA is within 25 % of the true time left, it
     * counts a study's remaining runs, and a cancel clears it.
     */
    @Test
    void etaFromMeasuredStepTimesWithinAQuarterAndClearedOnCancel(FxRobot robot) throws Exception {
        TinyExperiment.awaitStartup(ctx);
        AtomicLong clock = new AtomicLong();
        List<String> tasks = List.of("a", "b", "c");
        int epochs = 2, batches = 10, stages = tasks.size();
        long batchNs = 100_000_000L, validationNs = 300_000_000L, evalPerTaskNs = 300_000_000L;
        long total = stages * (epochs * (batches * batchNs + validationNs)) + (1 + 2 + 3) * evalPerTaskNs;
        List<String> etaAfterFirstEpoch = new ArrayList<>();
        robot.interact(() -> {
            ctx.run.setClock(clock::get);
            ctx.run.apply(new RunEvent.RunStarted("r", ExperimentConfig.defaults("x"), tasks, "CPU"));
            ctx.run.apply(new RunEvent.TaskStarted(0, "a", stages));
            int done = 0;
            for (int b = 1; b <= batches; b++) {
                clock.addAndGet(batchNs);
                done++;
                ctx.run.apply(new RunEvent.BatchProgress(0, 1, b, batches, Map.of("total", 1.0), done / (double) (stages * epochs * batches), Double.NaN));
            }
            clock.addAndGet(validationNs);
            ctx.run.apply(new RunEvent.EpochFinished(0, 1, Map.of(), 0.1, true, 1.3));
            clock.addAndGet(batchNs);
            ctx.run.apply(new RunEvent.BatchProgress(0, 2, 1, batches, Map.of("total", 1.0), (done + 1) / (double) (stages * epochs * batches), Double.NaN));
            etaAfterFirstEpoch.add(ctx.run.etaTextProperty().get());
        });
        double left = (total - clock.get()) / 1e9;
        String eta = etaAfterFirstEpoch.get(0);
        double shown = parseSeconds(eta);
        assertTrue(Math.abs(shown - left) <= 0.25 * left, "ETA " + eta + " vs " + left + " s left");

        // the same run as the first of a study's three: the ETA covers the two runs after it
        robot.interact(() -> {
            ctx.run.setRunSpan(0, 3);
            clock.addAndGet(batchNs);
            ctx.run.apply(new RunEvent.BatchProgress(0, 2, 2, batches, Map.of("total", 1.0), 12 / 60.0, Double.NaN));
        });
        double study = parseSeconds(ctx.run.etaTextProperty().get());
        double studyLeft = (total - clock.get()) / 1e9 + 2 * total / 1e9;
        assertTrue(Math.abs(study - studyLeft) <= 0.25 * studyLeft, ctx.run.etaTextProperty().get() + " vs " + studyLeft);

        robot.interact(() -> ctx.run.apply(new RunEvent.RunEnded(RunStatus.CANCELLED, "cancelled", null)));
        assertEquals("", ctx.run.etaTextProperty().get(), "no ETA left on screen after a cancel");
    }

    private static double parseSeconds(String eta) {
        // Fmt.seconds writes "12 s", "1 min 05 s" or "1 h 02 min"
        String t = eta.replace("ETA", "").replaceAll("\\(.*\\)", "").trim();
        double s = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\d.]+)\\s*(h|min|s)").matcher(t);
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            s += switch (m.group(2)) { case "h" -> v * 3600; case "min" -> v * 60; default -> v; };
        }
        return s;
    }

    @Test
    void disabledReasonFollowsTheFieldsItNames(FxRobot robot) throws Exception {
        TinyExperiment.awaitStartup(ctx);
        robot.interact(() -> {
            ctx.form.channels.setText("x");
            ctx.form.kernelSize.setText("0");
        });
        String both = ctx.status.messageProperty().get();
        assertTrue(both.contains("channels") && both.contains("kernel size"), both);
        robot.interact(() -> ctx.form.channels.setText("8"));
        String one = ctx.status.messageProperty().get();
        assertFalse(one.contains("channels"), "the fixed field is no longer named: " + one);
        assertTrue(one.contains("kernel size"), one);
        robot.interact(() -> ctx.form.kernelSize.setText("3"));
        assertFalse(ctx.status.messageProperty().get().startsWith("Run disabled"), ctx.status.messageProperty().get());
    }

    @Test
    void lastTaskBwtIsUndefinedFewUsersAreMarkedAndBlankFwtSaysWhy(FxRobot robot) {
        AccuracyMatrix m = AccuracyMatrix.empty(List.of("a", "b"), List.of("MRR@5", "MRR@5"))
                .with(0, 0, 0.2).with(1, 0, 0.4).with(1, 1, 0.3);
        List<TransferScores.Row> rows = TransferScores.of(m, null);
        List<String> cells = new ArrayList<>();
        robot.interact(() -> {
            ctx.run.transferRows().setAll(rows);
            cells.add(ctx.run.bwtCell(rows.get(0)));
            cells.add(ctx.run.bwtCell(rows.get(1)));
            cells.add(ctx.run.fwtCell(rows.get(0)));
            cells.add(ctx.run.fwtCell(rows.get(1)));
        });
        assertEquals("+100.00%", cells.get(0));
        assertEquals(TransferCells.UNDEFINED, cells.get(1), "nothing came after the last task");
        assertEquals(TransferCells.UNDEFINED, cells.get(2), "T1's FWT is undefined, as in the paper");
        assertEquals(TransferCells.NO_REFERENCE, cells.get(3), "a later task's blank FWT says why");
        assertEquals("+100.00% †", TransferCells.bwt("+100.00%", false, 2), "a BWT on 2 test users is marked");
        assertEquals("+100.00%", TransferCells.bwt("+100.00%", false, 500));
        String note = robot.lookup("#transferNote").queryLabeled().getText();
        assertTrue(note.contains("few test users") && note.contains("SinMo"), note);
    }

    @Test
    void runsAreNamedTaggedAndFoundByTheFilter(FxRobot robot) throws Exception {
        TinyExperiment.twoTasks(robot, ctx);
        robot.clickOn("#runButton");
        org.testfx.util.WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS,
                () -> ctx.history.runs().size() == 1 && ctx.history.runs().get(0).status() == RunStatus.COMPLETED);
        RunEntry e = ctx.history.runs().get(0);
        assertTrue(e.name().startsWith("teracon synthetic "), "default name <method> <dataset> <time>: " + e.name());
        assertFalse(Double.isNaN(e.meanFinal()), "mean final score");
        assertFalse(Double.isNaN(e.meanBwt()), "mean BWT over all but the last task");
        assertFalse(Double.isNaN(e.seconds()), "duration");
        robot.interact(() -> ctx.history.describe(e, "baseline order", "paper, order", "first try"));
        org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> ctx.history.runs().size() == 1 && ctx.history.runs().get(0).name().equals("baseline order"));
        RunInfo info = RunInfo.read(e.dir());
        assertEquals(List.of("paper", "order"), info.tags());
        assertEquals("first try", info.note());
        assertTrue(Path.of(e.dir().toString(), RunInfo.FILE).toFile().isFile());
        robot.interact(() -> ctx.history.filterProperty().set("paper"));
        assertEquals(1, ctx.history.shownRuns().size());
        robot.interact(() -> ctx.history.filterProperty().set("nosuchtag"));
        assertEquals(0, ctx.history.shownRuns().size());
    }
}
