package org.teracon.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.experiment.AccuracyMatrix;
import org.teracon.workbench.experiment.AtomicFiles;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.Json;
import org.teracon.workbench.experiment.RunFolder;
import org.teracon.workbench.experiment.RunInfo;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.SeedGroup;
import org.teracon.workbench.experiment.TransferScores;
import org.teracon.workbench.method.EvaluationProtocol;

/** export-latex on a run folder and on a seed group's folder, named after the run (run-info.json, else the folder). */
class ExportLatexCliTest {

    private static RunResult result(double last) {
        AccuracyMatrix m = new AccuracyMatrix(List.of("next_item", "age"), List.of("MRR@5", "accuracy"),
                new double[][] {{0.2, Double.NaN}, {last, 0.6}}, EvaluationProtocol.ROBUST);
        return new RunResult("r", ExperimentConfig.defaults("d"), RunStatus.COMPLETED, "done", "cpu", m, TransferScores.of(m, null),
                List.of(), null, List.of(), List.of(), List.of(), 1.0, List.of());
    }

    @Test
    void writesTheMatrixAndTransferTablesOfARunFolderNamedAfterTheRun(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve("2026-11-30-teracon"));
        AtomicFiles.writeString(run.resolve(RunFolder.RESULTS), Json.write(result(0.1)));
        new RunInfo("Table 2: TERACON / ML-100K", List.of(), "").write(run);
        String[] r = CliTest.run("export-latex", run.toString());
        assertEquals("0", r[0], r[2]);
        String matrix = Files.readString(run.resolve("Table-2-TERACON-ML-100K-accuracy_matrix.tex"));
        assertTrue(matrix.contains("\\toprule") && matrix.contains("after\\_task & next\\_item (MRR@5, robust)"), matrix);
        String transfer = Files.readString(run.resolve("Table-2-TERACON-ML-100K-transfer.tex"));
        assertTrue(transfer.contains("$-50.00$"), "BWT of next_item: (0.1 - 0.2) / 0.2 x 100: " + transfer);
    }

    @Test
    void aSeedGroupsTablesAreMeanPlusMinusStdOverItsSeeds(@TempDir Path dir) throws Exception {
        Path group = Files.createDirectories(dir.resolve("grp"));
        SeedGroup g = new SeedGroup(List.of(1L, 2L), List.of(result(0.1), result(0.3)));
        AtomicFiles.writeString(group.resolve(SeedGroup.GROUP_JSON), Json.write(g.groupFile()));
        for (long s : g.seeds()) {
            AtomicFiles.writeString(group.resolve("seed-" + s).resolve(RunFolder.RESULTS), Json.write(result(s == 1 ? 0.1 : 0.3)));
        }
        String[] r = CliTest.run("export-latex", group.toString(), "--out", dir.toString());
        assertEquals("0", r[0], r[2]);
        String matrix = Files.readString(dir.resolve("grp-accuracy_matrix.tex"));
        assertTrue(matrix.contains("$0.200 \\pm 0.141$"), "R(T2, T1) over seeds 0.1 and 0.3: mean 0.2, std 0.1414: " + matrix);
    }

    @Test
    void aFolderWithoutResultsIsBadInput(@TempDir Path dir) {
        String[] r = CliTest.run("export-latex", dir.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("no results"), r[2]);
    }
}
