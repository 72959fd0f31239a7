package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.method.EvaluationProtocol;
import org.teracon.workbench.method.StageSchedule;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.teracon.TeraconSettings;
import org.teracon.workbench.model.BackboneConfig;

class PresetAndProtocolTest {

    @Test
    void theReferencePresetHoldsTheReferenceCodesValues() {
        Preset p = Preset.fromKey("reference");
        assertEquals(new BackboneConfig(256, 3, List.of(1, 4, 1, 4, 1, 4, 1, 4)), p.backbone());
        TrainingConfig t = p.training();
        assertEquals(new StageSchedule(10, 32, 1e-3), t.stage(0), "T1: lr 1e-3, batch 32, 10 epochs");
        assertEquals(new StageSchedule(100, 1024, 1e-3), t.stage(1), "T2: lr 1e-3 (the TTL script)");
        assertEquals(new StageSchedule(100, 1024, 1e-4), t.stage(2), "T3: lr 1e-4");
        assertEquals(new StageSchedule(100, 1024, 1e-4), t.stage(7), "and every later task");
        assertEquals(5, t.patience());
        // TERACON's s_max 50, alpha 0.7, c 6 are the specs' defaults, so every preset has them
        TeraconSettings s = ExperimentConfig.defaults("d").withPreset(p).teracon();
        assertEquals(50, s.sMax());
        assertEquals(0.7, s.alpha());
        assertEquals(6, s.c());
        assertEquals(Preset.CPU, Preset.defaultPreset());
        assertEquals("cpu", ExperimentConfig.defaults("d").preset());
    }

    @Test
    void cpuReferenceIsTheReferenceBackboneOnTheCpuSchedule() {
        Preset p = Preset.fromKey("cpu-reference");
        assertEquals(Preset.REFERENCE.backbone(), p.backbone());
        assertEquals(Preset.CPU.training(), p.training());
    }

    @Test
    void presetAndProtocolRoundTripThroughExperimentJson(@TempDir Path dir) throws IOException {
        ExperimentConfig cfg = ExperimentConfig.defaults("d").withPreset(Preset.REFERENCE).withProtocol(EvaluationProtocol.PAPER)
                .withTraining(Preset.REFERENCE.training().withRest(new StageSchedule(7, 512, 5e-5)));
        Path file = dir.resolve("experiment.json");
        ExperimentFiles.write(cfg, file);
        String json = Files.readString(file);
        assertTrue(json.contains("\"preset\" : \"reference\""), json);
        assertTrue(json.contains("\"protocol\" : \"paper\""), json);
        assertTrue(json.contains("\"rest\" : {"), "the resolved per-stage values are written: " + json);
        ExperimentConfig back = ExperimentFiles.read(file);
        assertEquals(cfg, back);
        assertEquals(new StageSchedule(7, 512, 5e-5), back.training().stage(4));
        assertEquals(EvaluationProtocol.PAPER, back.protocol());
    }

    @Test
    void filesWithoutPresetOrProtocolLoadAsRobustAndTheDefaultPreset(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("experiment.json");
        Files.writeString(file, """
                {"dataset":"d","taskOrder":[],"noisyTask":null,"method":"sinmoall","params":{},
                 "backbone":{"channels":8,"kernelSize":3,"dilations":[1]},
                 "training":{"epochsFirst":3,"epochs":2,"patience":1,"batchSizeFirst":16,"batchSize":48,
                             "learningRateFirst":0.002,"learningRate":0.0005,"evalBatchSize":128},
                 "seed":3}""");
        ExperimentConfig cfg = ExperimentFiles.read(file);
        assertEquals("cpu", cfg.preset());
        assertEquals(EvaluationProtocol.ROBUST, cfg.protocol());
        TrainingConfig t = cfg.training();
        assertEquals(new StageSchedule(3, 16, 0.002), t.first());
        assertEquals(new StageSchedule(2, 48, 0.0005), t.second(), "the old later-task values go to T2 ...");
        assertEquals(new StageSchedule(2, 48, 0.0005), t.rest(), "... and to every later task");
        assertEquals(1, t.patience());
        assertEquals(128, t.evalBatchSize());
    }

    @Test
    void resultsWithoutAProtocolLoadAsRobustAndResultsKeepTheirs() throws IOException {
        AccuracyMatrix paper = AccuracyMatrix.empty(List.of("next_item", "age"), List.of("MRR@5", "MRR@5"), EvaluationProtocol.PAPER)
                .with(0, 0, 0.25);
        String json = Json.write(paper);
        assertTrue(json.contains("\"protocol\" : \"paper\""), json);
        AccuracyMatrix back = Json.MAPPER.readValue(json, AccuracyMatrix.class);
        assertEquals(EvaluationProtocol.PAPER, back.protocol());
        assertEquals(0.25, back.get(0, 0));
        AccuracyMatrix old = Json.MAPPER.readValue("""
                {"tasks":["next_item"],"metrics":["MRR@5"],"values":[[0.5]]}""", AccuracyMatrix.class);
        assertEquals(EvaluationProtocol.ROBUST, old.protocol());
    }

    @Test
    void everyTableHeaderNamesTheMetricAndTheProtocolAndT1sFwtIsUndefined() {
        double[][] v = {{0.20, Double.NaN}, {0.10, 0.60}};
        AccuracyMatrix m = new AccuracyMatrix(List.of("next_item", "age"), List.of("MRR@5", "accuracy"), v, EvaluationProtocol.PAPER);
        PaperTable matrix = PaperTables.matrix(m);
        assertEquals(List.of("after_task", "next_item (MRR@5, paper)", "age (accuracy, paper)"), matrix.csvHeaders());
        assertEquals("next_item (MRR@5, robust)", new AccuracyMatrix(m.tasks(), m.metrics(), v).column(0));

        List<TransferScores.Row> rows = TransferScores.of(m, new double[] {0.25, 0.5});
        assertTrue(Double.isNaN(rows.get(0).fwt()), "the paper leaves T1's FWT undefined");
        assertEquals(20.0, rows.get(1).fwt(), 1e-9);
        String transfer = PaperTables.transfer(rows, m.protocol()).csv();
        List<String> lines = transfer.lines().toList();
        assertEquals("task,metric,\"R(Ti,Ti)\",\"R(TM,Ti)\",bwt_pct,single_task_R,fwt_pct", lines.get(0));
        assertTrue(lines.get(1).startsWith("next_item,MRR@5 (paper),0.2,"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",0.25,"), "T1's FWT is an empty number cell, not text: " + lines.get(1));
        assertTrue(lines.get(2).startsWith("age,accuracy (paper),0.6,"), lines.get(2));

        RunResult r = new RunResult("r", ExperimentConfig.defaults("d"), RunStatus.COMPLETED, "done", "cpu", m, rows, List.of(), null,
                List.of(), List.of(), List.of(), 1.0, List.of());
        ResultTable comparison = Comparison.table(Map.of("teracon", r));
        assertEquals(List.of("next_item (MRR@5, paper)", "age (accuracy, paper)", "BWT next_item", "BWT age", "FWT next_item", "FWT age",
                "seconds"), comparison.columns());
        String md = comparison.markdown();
        assertTrue(md.startsWith("| method | next_item (MRR@5, paper) | age (accuracy, paper) |"), md);
        assertTrue(md.contains("| teracon | 0.1000 | 0.6000 | -50.0 | 0.0000 | – | 20.0 |"), "T1's FWT shows –: " + md);
        assertTrue(Studies.noisyTable(r, r).rows().get(0).startsWith("next_item (MRR@5, paper)"));
    }
}
