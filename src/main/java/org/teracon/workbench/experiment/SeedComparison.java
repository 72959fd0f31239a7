package org.teracon.workbench.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The method comparison over a seed group: {@link Comparison}'s table per seed, every cell as
 * mean ± std (n), and for each method against a chosen baseline, per task, the paired t-test and the
 * Wilcoxon signed-rank test on the final score R(T_M, T_i), pairs formed by seed.
 *
 * @param baseline the baseline's row label, or null for no tests
 */
public record SeedComparison(SeedTable table, String baseline) {

    /** @param perSeed per seed (in {@code seeds} order) the batch's results by method label */
    public static SeedComparison of(List<Long> seeds, List<Map<String, RunResult>> perSeed, String baseline) {
        List<ResultTable> tables = new ArrayList<>();
        for (Map<String, RunResult> r : perSeed) {
            tables.add(r.values().stream().anyMatch(x -> x.matrix() != null) ? Comparison.table(r) : null);
        }
        return new SeedComparison(SeedTable.of(seeds, tables), baseline);
    }

    /** The final-score columns ("next_item MRR@5"): Comparison's columns other than BWT, FWT and the time. */
    public List<String> scoreColumns() {
        return table.columns().stream().filter(c -> !c.startsWith("BWT ") && !c.startsWith("FWT ") && !c.equals("seconds")).toList();
    }

    /** The test of one method row against the baseline on one column; NaN p-values for the baseline itself. */
    public SeedStats.Paired test(String row, String column) {
        if (baseline == null || row.equals(baseline) || !table.rows().contains(baseline)) {
            return new SeedStats.Paired(0, Double.NaN, Double.NaN, true);
        }
        return SeedStats.paired(table.samples(row, column), table.samples(baseline, column));
    }

    /** comparison.csv: mean, std (n−1) and n of every column, then per score column the two p-values and the pairs used. */
    public String csv() {
        Table t = table.toTablesaw();
        if (baseline != null) {
            for (String c : scoreColumns()) {
                int rows = table.rows().size();
                double[] pt = new double[rows];
                double[] pw = new double[rows];
                int[] n = new int[rows];
                for (int r = 0; r < rows; r++) {
                    SeedStats.Paired p = test(table.rows().get(r), c);
                    pt[r] = p.pT();
                    pw[r] = p.pWilcoxon();
                    n[r] = p.n();
                }
                t.addColumns(DoubleColumn.create(c + " p_paired_t vs " + baseline, pt),
                        DoubleColumn.create(c + " p_wilcoxon vs " + baseline, pw), IntColumn.create(c + " pairs", n));
            }
        }
        return RunFolder.csv(t);
    }

    /** comparison.md: the mean ± std (n) table, then the paired tests against the baseline. */
    public String markdown() {
        StringBuilder b = new StringBuilder(table.markdown());
        if (baseline == null) return b.append("\nNo paired tests: give --baseline METHOD.\n").toString();
        if (!table.rows().contains(baseline)) return b.append("\nNo paired tests: the baseline ").append(baseline).append(" has no results.\n").toString();
        List<String> cols = scoreColumns();
        b.append("\nPaired tests of R(T_M, T_i) against ").append(baseline).append(" over seeds (pairs by seed, two-sided): ")
                .append("p of the paired t-test / p of the Wilcoxon signed-rank test (pairs)\n\n| method");
        for (String c : cols) b.append(" | ").append(c);
        b.append(" |\n|---").append("|---:".repeat(cols.size())).append("|\n");
        boolean approx = false;
        for (String row : table.rows()) {
            if (row.equals(baseline)) continue;
            b.append("| ").append(row);
            for (String c : cols) {
                SeedStats.Paired p = test(row, c);
                approx |= !p.wilcoxonExact();
                b.append(" | ").append(SeedStats.p(p.pT())).append(" / ").append(SeedStats.p(p.pWilcoxon())).append(" (").append(p.n()).append(")");
            }
            b.append(" |\n");
        }
        b.append("\nTests: Apache Commons Math 3.6.1 TTest.pairedTTest and WilcoxonSignedRankTest; Wilcoxon p ")
                .append(approx ? "by the normal approximation where more than " + SeedStats.WILCOXON_EXACT_MAX + " pairs, exact elsewhere"
                        : "exact (all 2^n sign assignments)")
                .append("; pairs with equal scores are dropped; – = fewer than 2 pairs or no spread.\n");
        return b.toString();
    }
}
