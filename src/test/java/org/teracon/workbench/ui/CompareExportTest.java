package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.experiment.PaperTableTest;
import org.teracon.workbench.ui.vm.CompareRow;
import org.teracon.workbench.ui.vm.Comparison;

/** The history comparison's CSV holds numbers with the unit in the header, not the "+22.61%" the cells show. */
class CompareExportTest {
    @Test
    void bwtComparisonIsNumericWithTheUnitInTheHeaderAndDifferencesAfterEachRun() {
        List<CompareRow> rows = List.of(new CompareRow("next_item", "MRR@5 (robust)", List.of(22.61, -3.5), List.of(-26.11)),
                new CompareRow("taste_group", "accuracy (robust)", List.of(Double.NaN, 1.0), List.of(Double.NaN)));
        String csv = CompareExport.of(rows, List.of("teracon #1", "sinmo #2"), Comparison.Measure.BWT).csv();
        assertEquals(List.of("task,metric,teracon #1 bwt_pct,sinmo #2 bwt_pct,delta #2 - #1 bwt_pct",
                "next_item,MRR@5 (robust),22.61,-3.5,-26.11", "taste_group,accuracy (robust),,1.0,"), csv.lines().toList());
        PaperTableTest.assertNumeric(csv, 2);
    }
}
