package org.teracon.workbench.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A result table over a seed group: the same table built once per seed, every cell kept as its per-seed
 * values so that it prints as mean ± std (n) and two rows can be paired by seed. Rows and columns are
 * matched by name; a cell a seed lacks is NaN there and does not count in n.
 *
 * @param values [row][column][seed index], seed index as in {@code seeds}
 */
public record SeedTable(String title, String rowHeader, List<String> rows, List<String> columns, List<Long> seeds,
                        double[][][] values) {
    public static final String STD_NOTE = "std = sample standard deviation (n−1) over seeds; n = seeds with a value";

    /** @param perSeed one table per seed, in the order of {@code seeds} (null for a seed that produced none) */
    public static SeedTable of(List<Long> seeds, List<ResultTable> perSeed) {
        if (seeds.size() != perSeed.size()) throw new IllegalArgumentException("one table per seed");
        ResultTable first = perSeed.stream().filter(t -> t != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("no seed produced a table"));
        Map<String, Integer> rows = new LinkedHashMap<>();
        Map<String, Integer> cols = new LinkedHashMap<>();
        for (ResultTable t : perSeed) {
            if (t == null) continue;
            t.rows().forEach(r -> rows.putIfAbsent(r, rows.size()));
            t.columns().forEach(c -> cols.putIfAbsent(c, cols.size()));
        }
        double[][][] v = new double[rows.size()][cols.size()][seeds.size()];
        for (double[][] r : v) for (double[] c : r) Arrays.fill(c, Double.NaN);
        for (int k = 0; k < perSeed.size(); k++) {
            ResultTable t = perSeed.get(k);
            if (t == null) continue;
            for (int r = 0; r < t.rows().size(); r++) {
                for (int c = 0; c < t.columns().size(); c++) {
                    v[rows.get(t.rows().get(r))][cols.get(t.columns().get(c))][k] = t.values()[r][c];
                }
            }
        }
        return new SeedTable(first.title(), first.rowHeader(), new ArrayList<>(rows.keySet()), new ArrayList<>(cols.keySet()),
                seeds, v);
    }

    public SeedStats.Summary cell(int row, int column) {
        return SeedStats.summary(values[row][column]);
    }

    /** The per-seed values of one cell, by seed index. */
    public double[] samples(String row, String column) {
        return values[rows.indexOf(row)][columns.indexOf(column)].clone();
    }

    /** Numeric CSV: per column its mean, std (n−1) and n. */
    public String csv() {
        return PaperTables.of(this).csv();
    }

    public Table toTablesaw() {
        Table t = Table.create(title);
        t.addColumns(StringColumn.create(rowHeader, rows));
        for (int c = 0; c < columns.size(); c++) {
            double[] mean = new double[rows.size()];
            double[] std = new double[rows.size()];
            int[] n = new int[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                SeedStats.Summary s = cell(r, c);
                mean[r] = s.mean();
                std[r] = s.std();
                n[r] = s.n();
            }
            t.addColumns(DoubleColumn.create(columns.get(c) + " mean", mean), DoubleColumn.create(columns.get(c) + " std(n-1)", std),
                    IntColumn.create(columns.get(c) + " n", n));
        }
        return t;
    }

    /** Markdown: every cell as mean ± std (n), with a note saying which std. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| ").append(rowHeader);
        for (String c : columns) b.append(" | ").append(c);
        b.append(" |\n|---");
        b.append("|---:".repeat(columns.size()));
        b.append("|\n");
        for (int r = 0; r < rows.size(); r++) {
            b.append("| ").append(rows.get(r));
            for (int c = 0; c < columns.size(); c++) b.append(" | ").append(cell(r, c).format());
            b.append(" |\n");
        }
        b.append("\nmean ± std (n) over seeds ").append(seeds).append("; ").append(STD_NOTE).append(".\n");
        return b.toString();
    }
}
