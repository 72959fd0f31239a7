package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.method.EvaluationProtocol;

/** The LaTeX tables against output written out by hand: booktabs rules, ± std, the best per column in bold, escaping. */
class LatexTableTest {

    @Test
    void aSeedGroupsTwoByTwoTableShowsMeanPlusMinusStdBoldsTheBestByEachColumnsDirectionAndEscapesNames() {
        List<String> cols = List.of("next_item MRR@5", "seconds");
        ResultTable s1 = new ResultTable.Builder("comparison", "method", cols).row("next_item", 0.10, 20).row("R&D_task", 0.20, 10).build();
        ResultTable s2 = new ResultTable.Builder("comparison", "method", cols).row("next_item", 0.12, 22).row("R&D_task", 0.22, 14).build();
        PaperTable t = PaperTables.of(SeedTable.of(List.of(1L, 2L), List.of(s1, s2)));
        // means 0.11/21 and 0.21/12; std (n-1) 0.02/sqrt(2) = 0.0141, 2/sqrt(2) = 1.41, 4/sqrt(2) = 2.83;
        // higher score is better (R&D_task), fewer seconds are better (R&D_task again)
        String expected = """
                % comparison (TERACON Workbench); needs \\usepackage{booktabs}; mean \\pm sample std (n-1) over seeds
                \\begin{tabular}{lrr}
                \\toprule
                method & next\\_item MRR@5 & seconds \\\\
                \\midrule
                next\\_item & $0.110 \\pm 0.014$ & $21.0 \\pm 1.4$ \\\\
                R\\&D\\_task & \\textbf{\\boldmath$0.210 \\pm 0.014$} & \\textbf{\\boldmath$12.0 \\pm 2.8$} \\\\
                \\bottomrule
                \\end{tabular}
                """;
        assertEquals(expected, LatexTable.of(t));
    }

    @Test
    void aSingleRunsTransferTableLeavesUndefinedCellsAsDashesAndNeverBoldsTheReferenceOrALoneValue() {
        double[][] v = {{0.20, Double.NaN}, {0.10, 0.60}};
        AccuracyMatrix m = new AccuracyMatrix(List.of("next_item", "age"), List.of("MRR@5", "accuracy"), v, EvaluationProtocol.PAPER);
        PaperTable t = PaperTables.transfer(TransferScores.of(m, new double[] {0.25, 0.5}), m.protocol());
        String expected = """
                % transfer (TERACON Workbench); needs \\usepackage{booktabs}
                \\begin{tabular}{llrrrrr}
                \\toprule
                task & metric & R(Ti,Ti) & R(TM,Ti) & bwt\\_pct & single\\_task\\_R & fwt\\_pct \\\\
                \\midrule
                next\\_item & MRR@5 (paper) & $0.200$ & $0.100$ & $-50.00$ & $0.250$ & -- \\\\
                age & accuracy (paper) & \\textbf{\\boldmath$0.600$} & \\textbf{\\boldmath$0.600$} & \\textbf{\\boldmath$0.00$} & $0.500$ & $20.00$ \\\\
                \\bottomrule
                \\end{tabular}
                """;
        assertEquals(expected, LatexTable.of(t));
    }

    @Test
    void escapesAllTenSpecialCharacters() {
        assertEquals("a\\_b \\& c\\% \\$ \\# \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}",
                LatexTable.escape("a_b & c% $ # {x} ~ ^ \\"));
    }
}
