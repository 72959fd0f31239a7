package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.experiment.AccuracyMatrix;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.NoisyTaskSpec;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.TransferScores;
import org.teracon.workbench.method.baseline.ConureMethod;
import org.teracon.workbench.method.catalog.MethodCatalog;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.method.teracon.SamplingMode;
import org.teracon.workbench.method.teracon.TeraconSettings;
import org.teracon.workbench.ui.export.SvgWriter;
import org.teracon.workbench.ui.vm.ExperimentFormViewModel;
import org.teracon.workbench.ui.vm.FormField;
import org.teracon.workbench.ui.vm.ParamField;
import org.teracon.workbench.ui.vm.HeatmapData;
import org.teracon.workbench.ui.vm.LossCsv;
import org.teracon.workbench.ui.vm.TaskOrderViewModel;
import org.teracon.workbench.ui.vm.ThinnedSeries;

/** View models and exporters without a window: plain JUnit, no FX toolkit. */
class UiViewModelTest {

    private static TaskOrderViewModel sampleOrder() {
        TaskOrderViewModel vm = new TaskOrderViewModel();
        vm.setDataset(DatasetLoader.load(Path.of("sample-datasets", "synthetic")));
        return vm;
    }

    @Test
    void taskOrderKeepsT1FirstAndMovesOthers() {
        TaskOrderViewModel vm = sampleOrder();
        List<String> before = vm.taskOrder();
        assertFalse(vm.move(0, 2), "T1 cannot move");
        assertTrue(vm.messageProperty().get().contains("T1"));
        assertTrue(vm.move(2, 0), "a move before T1 is clamped to position 2");
        assertEquals(before.get(0), vm.taskOrder().get(0));
        assertEquals(before.get(2), vm.taskOrder().get(1));
        vm.items().get(0).includedProperty().set(false);
        assertTrue(vm.items().get(0).isIncluded(), "T1 cannot be excluded");
        vm.items().get(1).includedProperty().set(false);
        assertFalse(vm.taskOrder().contains(before.get(2)));
    }

    /** Issue #11 problem 8: one noisy task at a time, and one position that follows it. */
    @Test
    void theDatasetsNoisyTaskIsTheNoisyTaskUntilAGeneratedOneReplacesIt() {
        TaskOrderViewModel vm = sampleOrder();
        assertEquals(List.of("next_item", "liked_items", "taste_group", "side_group", "noise"), vm.taskOrder());
        assertTrue(vm.items().get(4).isDatasetNoisy() && vm.items().get(4).isAnyNoisy() && !vm.items().get(4).isNoisy());
        assertEquals("noise", vm.datasetNoisyTask());
        assertEquals(5, vm.noisyPositionProperty().get(), "the position shows where the dataset's noisy task is");
        assertTrue(vm.move(4, 2));
        assertEquals(3, vm.noisyPositionProperty().get(), "and follows a move");
        vm.items().get(1).includedProperty().set(false);
        assertEquals(2, vm.noisyPositionProperty().get(), "and counts included tasks only");

        vm.noisyPositionProperty().set(4);
        assertTrue(vm.insertNoisy());
        assertNull(vm.datasetNoisyTask(), "the generated task replaced the dataset's own in the order");
        assertFalse(vm.taskOrder().contains("noise"));
        assertTrue(vm.messageProperty().get().contains("'noise'"), vm.messageProperty().get());
        assertEquals(1, vm.items().stream().filter(i -> i.isIncluded() && i.isAnyNoisy()).count());
        // the generated task sits at position 4 of next_item, taste_group, side_group + noisy
        assertEquals(new NoisyTaskSpec(4, 0.5, 50), vm.noisyTask());
    }

    @Test
    void noisyTaskPositionCountsIncludedTasksOnly() {
        TaskOrderViewModel vm = sampleOrder();
        vm.noisyPositionProperty().set(4);
        vm.noisyClassesProperty().set("50");
        assertTrue(vm.insertNoisy());
        assertEquals(new NoisyTaskSpec(4, 0.5, 50), vm.noisyTask());
        vm.items().get(1).includedProperty().set(false);
        assertEquals(3, vm.noisyTask().position());
        assertFalse(vm.taskOrder().contains(NoisyTaskSpec.TASK_NAME));
        vm.noisyFractionProperty().set("1.5");
        assertFalse(vm.insertNoisy());
        assertTrue(vm.messageProperty().get().contains("userFraction"), vm.messageProperty().get());
        vm.removeNoisy();
        assertNull(vm.noisyTask());
    }

    @Test
    void taskOrderRoundTripsThroughApply() {
        TaskOrderViewModel vm = sampleOrder();
        List<String> order = List.of(vm.taskOrder().get(0), vm.taskOrder().get(3), vm.taskOrder().get(1));
        vm.apply(order, new NoisyTaskSpec(2, 0.3, 10));
        assertEquals(order, vm.taskOrder());
        assertEquals(new NoisyTaskSpec(2, 0.3, 10), vm.noisyTask());
    }

    @Test
    void formRefusesBadValuesWithMessages() {
        ExperimentFormViewModel f = new ExperimentFormViewModel();
        FormField<Double> sMax = f.param(TeraconSettings.S_MAX);
        assertTrue(f.validProperty().get());
        sMax.setText("0.5");
        assertFalse(f.validProperty().get());
        assertTrue(sMax.errorProperty().get().startsWith("s (s_max)"));
        sMax.setText("x");
        assertTrue(sMax.errorProperty().get().contains("not a number"));
        sMax.setText("30");
        f.dilations.setText("1, 0");
        assertFalse(f.validProperty().get());
        assertTrue(f.dilations.errorProperty().get().contains("≥ 1"));
        f.dilations.setText("1,4,1,4");
        f.learningRate.setText("1");
        assertFalse(f.validProperty().get());
        f.learningRate.setText("1e-4");
        assertTrue(f.validProperty().get(), f.problems());
        ExperimentConfig cfg = f.toConfig("d", List.of("a"), null);
        assertEquals(30, cfg.teracon().sMax());
        assertEquals(List.of(1, 4, 1, 4), cfg.backbone().dilations());
        assertEquals(1e-4, cfg.training().learningRate());
        f.epochs.setText("0");
        assertThrows(IllegalArgumentException.class, () -> f.toConfig("d", List.of(), null));
    }

    @Test
    void formShowsOneFieldPerParameterOfTheChosenMethod() {
        ExperimentFormViewModel f = new ExperimentFormViewModel();
        for (String m : MethodCatalog.names()) {
            assertEquals(MethodCatalog.params(m), f.paramFields(m).stream().map(ParamField::spec).toList(), m);
        }
        f.methodProperty().set("conure");
        FormField<Double> keep = f.param(ConureMethod.KEEP);
        FormField<Integer> retrain = f.param(ConureMethod.RETRAIN_EPOCHS);
        assertTrue(f.fields().containsAll(List.of(keep, retrain)));
        assertFalse(f.fields().contains(f.param(TeraconSettings.S_MAX)), "only the chosen method's parameters count");
        ParamField<?> keepField = f.paramFields("conure").get(0);
        assertEquals("conureKeepField", keepField.id());
        assertTrue(keepField.tooltip().startsWith(ConureMethod.KEEP.help()) && keepField.tooltip().contains("(0, 1]"), keepField.tooltip());
        assertEquals("0.3", keep.textProperty().get(), "the spec's default");

        keep.setText("1.5");
        assertFalse(f.validProperty().get());
        assertEquals("keep ratio: expected a number in (0, 1]", keep.errorProperty().get());
        f.methodProperty().set("teracon");
        assertTrue(f.validProperty().get(), "another method's bad field does not block this one");
        f.methodProperty().set("conure");
        assertFalse(f.validProperty().get());
        keep.setText("0.5");
        retrain.setText("1.7");
        assertTrue(retrain.errorProperty().get().contains("not a whole number"), retrain.errorProperty().get());
        retrain.setText("2");
        ExperimentConfig cfg = f.toConfig("d", List.of(), null);
        assertEquals(ParamValues.none().with(ConureMethod.KEEP, 0.5).with(ConureMethod.RETRAIN_EPOCHS, 2), cfg.params());

        f.load(cfg.withMethod("teracon").withParams(ParamValues.none().with(TeraconSettings.SAMPLING, SamplingMode.ALL)
                .with(TeraconSettings.KNOWLEDGE_RETENTION, false)));
        assertEquals("ALL", f.param(TeraconSettings.SAMPLING).textProperty().get());
        assertEquals("false", f.param(TeraconSettings.KNOWLEDGE_RETENTION).textProperty().get());
        assertEquals("0.3", keep.textProperty().get(), "a loaded config resets the other methods' fields too");
        assertEquals(SamplingMode.ALL, f.toConfig("d", List.of(), null).teracon().sampling());
    }

    @Test
    void formLoadsAndReproducesAConfig() {
        ExperimentFormViewModel f = new ExperimentFormViewModel();
        ExperimentConfig cfg = ExperimentConfig.defaults("x").withSeed(7).withMethod("sinmo");
        f.load(cfg);
        assertEquals(cfg, f.toConfig("x", List.of(), null));
    }

    @Test
    void thinnedSeriesStaysBounded() {
        ThinnedSeries s = new ThinnedSeries("total", 100);
        for (int i = 0; i < 10_000; i++) s.add(i, Math.sin(i));
        int n = s.series().getData().size();
        assertTrue(n <= 100 && n >= 40, "points kept: " + n);
        assertEquals(0.0, s.series().getData().get(0).getXValue().doubleValue());
        double lastX = s.series().getData().get(n - 1).getXValue().doubleValue();
        assertTrue(lastX > 9_000, "recent points are kept: " + lastX);
    }

    private static RunResult result(String id, List<String> tasks, double[][] m) {
        AccuracyMatrix matrix = new AccuracyMatrix(tasks, List.of("MRR@5", "accuracy"), m);
        List<TransferScores.Row> transfer = TransferScores.of(matrix, null);
        return new RunResult(id, ExperimentConfig.defaults("d"), RunStatus.COMPLETED, "", "CPU", matrix, transfer,
                List.of(), null, List.of(), List.of(), List.of(), 1.0, List.of());
    }

    @Test
    void lossCsvIsReadBackPerTask(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("loss.csv"), "stage,task,epoch,step,total,class,kr\n"
                + "0,T1,1,1,5.0,5.0,0.0\n0,T1,1,2,4.0,4.0,0.0\n1,T2,1,1,3.0,2.5,0.5\n1,T2,2,1,2.0,1.8,0.2\n");
        List<LossCsv.Curve> curves = LossCsv.read(dir);
        assertEquals(2, curves.size());
        assertEquals("T1", curves.get(0).task());
        assertEquals(List.of(0.5, 1.0), curves.get(0).xs());
        assertEquals(List.of(1.0, 2.0), curves.get(1).xs());
        assertEquals(Map.of("total", List.of(3.0, 2.0), "class", List.of(2.5, 1.8), "kr", List.of(0.5, 0.2)), curves.get(1).ys());
    }

    @Test
    void svgOutputIsWellFormedVectorGraphics(@TempDir Path dir) throws Exception {
        String line = SvgWriter.lineChart("Loss <T1>", "epoch", "loss",
                List.of(new SvgWriter.Series("total", new double[]{0, 1, 2}, new double[]{3, 2, 1})));
        String heat = SvgWriter.heatmap(HeatmapData.cosine("masks", List.of("T1", "T2"), new double[][]{{1, 0.3}, {0.3, 1}}));
        for (String svg : List.of(line, heat)) {
            Path f = dir.resolve("x.svg");
            Files.writeString(f, svg);
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
            assertEquals("svg", doc.getDocumentElement().getNodeName());
        }
        assertTrue(line.contains("<polyline"));
        assertTrue(line.contains("Loss &lt;T1&gt;"));
        assertTrue(heat.split("<rect").length > 4);
    }

    @Test
    void heatmapScaleShowsSmallDifferences() {
        HeatmapData d = HeatmapData.cosine("m", List.of("a", "b"), new double[][]{{1, 0.97}, {0.97, 1}});
        assertEquals(0.95, d.min(), 1e-12);
        assertTrue(d.fraction(0.97) > 0.3 && d.fraction(0.97) < 0.5);
    }

    /** A reopened run fills the timing table from results.json's epochs, as the live run did (issue #11, item 4). */
    @Test
    void reopenedRunShowsEpochsAndLastValidation() {
        var vm = new org.teracon.workbench.ui.vm.RunViewModel(null);
        var epochs = List.of(
                new org.teracon.workbench.experiment.RunResult.Epoch(0, "a", 1, java.util.Map.of("total", 1.0), 0.10, true, 2.0),
                new org.teracon.workbench.experiment.RunResult.Epoch(0, "a", 2, java.util.Map.of("total", 0.9), 0.12, true, 4.0),
                new org.teracon.workbench.experiment.RunResult.Epoch(1, "b", 1, java.util.Map.of("total", 0.8), 0.55, true, 3.0));
        var r = new org.teracon.workbench.experiment.RunResult("r1", null, org.teracon.workbench.experiment.RunStatus.COMPLETED, "", "CPU",
                null, List.of(), List.of(), null, List.of(), List.of(7.0, 4.0), List.of(3.0, 3.0), 11.0, epochs);
        vm.open(r, List.of());
        assertEquals(2, vm.timingRows().size());
        assertEquals(2, vm.timingRows().get(0).epochs());
        assertEquals(3.0, vm.timingRows().get(0).meanEpochSeconds(), 1e-9);
        assertEquals(0.12, vm.timingRows().get(0).lastValidation(), 1e-9);
        assertEquals(7.0, vm.timingRows().get(0).stageSeconds(), 1e-9);
        assertEquals(1, vm.timingRows().get(1).epochs());
        assertEquals(0.55, vm.timingRows().get(1).lastValidation(), 1e-9);
    }

    /** Skipped (non-finite) steps reach the window: the epoch's count is named in the status line (issue #10, defect 3). */
    @Test
    void skippedStepsAreShownWhenAnEpochEnds() {
        var vm = new org.teracon.workbench.ui.vm.RunViewModel(null);
        vm.apply(new org.teracon.workbench.experiment.RunEvent.EpochFinished(1, 2,
                java.util.Map.of("total", 1.0, org.teracon.workbench.experiment.ExperimentRunner.SKIPPED, 3.0), 0.1, false, 1.0));
        assertTrue(vm.statusProperty().get().contains("epoch 2: 3 steps skipped"), vm.statusProperty().get());
    }
}
