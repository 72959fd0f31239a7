package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.method.EvaluationProtocol;

/** One numeric CSV per table: the run folder writes exactly {@link PaperTables}' text, every value cell a number or empty. */
public class PaperTableTest {
    private static final AccuracyMatrix M = new AccuracyMatrix(List.of("next_item", "age"), List.of("MRR@5", "accuracy"),
            new double[][] {{0.2261234567891, Double.NaN}, {0.1, 0.6}}, EvaluationProtocol.ROBUST);

    @Test
    void theRunFolderWritesThePaperTablesCsvAtFullPrecision(@TempDir Path dir) throws Exception {
        RunFolder f = new RunFolder(dir);
        List<TransferScores.Row> rows = TransferScores.of(M, new double[] {0.25, 0.5});
        f.writeMatrix(M);
        f.writeTransfer(rows, M.protocol());
        assertEquals(PaperTables.matrix(M).csv(), Files.readString(dir.resolve(RunFolder.MATRIX)));
        assertEquals(PaperTables.transfer(rows, M.protocol()).csv(), Files.readString(dir.resolve(RunFolder.TRANSFER)));
        List<String> matrix = Files.readAllLines(dir.resolve(RunFolder.MATRIX));
        assertEquals("after_task,\"next_item (MRR@5, robust)\",\"age (accuracy, robust)\"", matrix.get(0));
        assertEquals("next_item,0.2261234567891,", matrix.get(1), "full precision; not available is an empty cell");
        List<String> transfer = Files.readAllLines(dir.resolve(RunFolder.TRANSFER));
        assertEquals("task,metric,\"R(Ti,Ti)\",\"R(TM,Ti)\",bwt_pct,single_task_R,fwt_pct", transfer.get(0));
        assertNumeric(Files.readString(dir.resolve(RunFolder.TRANSFER)), 2);
        assertNumeric(Files.readString(dir.resolve(RunFolder.MATRIX)), 1);
    }

    @Test
    void aSeedGroupsCsvHasMeanStdAndNPerColumn() {
        ResultTable a = new ResultTable.Builder("t", "task", List.of("bwt_pct")).row("x", -10).build();
        ResultTable b = new ResultTable.Builder("t", "task", List.of("bwt_pct")).row("x", -20).build();
        String csv = PaperTables.of(SeedTable.of(List.of(1L, 2L), List.of(a, b))).csv();
        assertEquals("task,bwt_pct mean,bwt_pct std(n-1),bwt_pct n", csv.lines().findFirst().orElseThrow());
        assertEquals(-15.0, Double.parseDouble(csv.lines().skip(1).findFirst().orElseThrow().split(",")[1]));
        assertNumeric(csv, 1);
    }

    /** Every cell after the label columns parses as a number or is empty ("not available"). */
    public static void assertNumeric(String csv, int labelColumns) {
        for (String line : csv.lines().skip(1).toList()) {
            String[] cells = line.replaceAll("\"[^\"]*\"", "q").split(",", -1);
            for (int i = labelColumns; i < cells.length; i++) {
                String c = cells[i];
                assertTrue(c.isEmpty() || Double.isFinite(Double.parseDouble(c)), "not a number: '" + c + "' in " + line);
                assertTrue(!c.contains("%") && !c.contains("±"), line);
            }
        }
    }
}
