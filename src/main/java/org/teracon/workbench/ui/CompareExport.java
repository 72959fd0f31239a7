package org.teracon.workbench.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.teracon.workbench.experiment.PaperTable;
import org.teracon.workbench.experiment.PaperTable.Better;
import org.teracon.workbench.experiment.PaperTable.Column;
import org.teracon.workbench.ui.vm.CompareRow;
import org.teracon.workbench.ui.vm.Comparison;

/**
 * The history's run comparison as numbers for its CSV… and LaTeX… buttons: per task each run's value
 * (header: the run's column as shown plus the measure, e.g. {@code teracon #1 bwt_pct}) and each
 * run's difference to run #1, in the table's column order. Every measure is better higher.
 */
final class CompareExport {
    private CompareExport() {
    }

    /** @param runs the runs' column headers as the table shows them ("teracon #1", ...) */
    static PaperTable of(List<CompareRow> rows, List<String> runs, Comparison.Measure measure) {
        String unit = switch (measure) {
            case LAST -> "last";
            case LEARNED -> "learned";
            case BWT -> "bwt_pct";
            case FWT -> "fwt_pct";
        };
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            cols.add(new Column(runs.get(i) + " " + unit, Better.HIGHER));
            if (i > 0) cols.add(new Column(String.format(Locale.ROOT, "delta #%d - #1 %s", i + 1, unit), Better.HIGHER));
        }
        PaperTable.Builder b = new PaperTable.Builder("comparison", List.of("task", "metric"), cols);
        for (CompareRow r : rows) {
            double[] v = new double[cols.size()];
            int c = 0;
            for (int i = 0; i < runs.size(); i++) {
                v[c++] = i < r.values().size() ? r.values().get(i) : Double.NaN;
                if (i > 0) v[c++] = i - 1 < r.differences().size() ? r.differences().get(i - 1) : Double.NaN;
            }
            b.row(List.of(r.task(), r.metric()), v);
        }
        return b.build();
    }
}
