package org.teracon.workbench.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One result table as numbers, the single source of its CSV (run folder, the window's CSV… buttons,
 * the report) and of its LaTeX: label columns (task, metric) then numeric columns, each knowing
 * whether higher or lower is better. A cell is a {@link SeedStats.Summary}: a single run's value has
 * n = 1 and no std; a seed group's cells carry mean, std (n−1) and n, and its CSV writes the three as
 * {@code <column> mean}, {@code <column> std(n-1)}, {@code <column> n}. Percent columns say so in the
 * header ({@code bwt_pct}); a missing value is an empty cell, never text.
 *
 * @param seeded true for a seed group's table (mean, std and n per column)
 */
public record PaperTable(String name, List<String> labelHeaders, List<Column> columns, List<Row> rows, boolean seeded) {

    /** Which way a column improves; NONE for columns that describe rather than score (ρ, a reference). */
    public enum Better { HIGHER, LOWER, NONE }

    public record Column(String header, Better better) {
    }

    public record Row(List<String> labels, List<SeedStats.Summary> cells) {
        public Row {
            labels = List.copyOf(labels);
            cells = List.copyOf(cells);
        }

        public double mean(int column) {
            return cells.get(column).mean();
        }
    }

    public PaperTable {
        labelHeaders = List.copyOf(labelHeaders);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (Row r : rows) {
            if (r.labels().size() != labelHeaders.size() || r.cells().size() != columns.size()) {
                throw new IllegalArgumentException("row " + r.labels() + " does not fit " + labelHeaders + " + " + columns.size() + " columns");
            }
        }
    }

    /** One value per cell (a single run): n = 1 where there is a value, 0 where it is NaN. */
    public static SeedStats.Summary single(double v) {
        return new SeedStats.Summary(v, Double.NaN, Double.isNaN(v) ? 0 : 1);
    }

    /** The CSV's header line as a list, e.g. {@code [task, metric, R(Ti,Ti), ..., bwt_pct, ...]}. */
    public List<String> csvHeaders() {
        List<String> h = new ArrayList<>(labelHeaders);
        for (Column c : columns) {
            if (seeded) h.addAll(List.of(c.header() + " mean", c.header() + " std(n-1)", c.header() + " n"));
            else h.add(c.header());
        }
        return h;
    }

    /** RFC 4180 CSV, numbers at full precision (Java's shortest round-trip form), empty where not available. */
    public String csv() {
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", csvHeaders().stream().map(PaperTable::quote).toList())).append('\n');
        for (Row r : rows) {
            List<String> cells = new ArrayList<>(r.labels().stream().map(PaperTable::quote).toList());
            for (SeedStats.Summary s : r.cells()) {
                cells.add(number(s.mean()));
                if (seeded) {
                    cells.add(number(s.std()));
                    cells.add(Integer.toString(s.n()));
                }
            }
            b.append(String.join(",", cells)).append('\n');
        }
        return b.toString();
    }

    public Column column(int i) {
        return columns.get(i);
    }

    static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    static String quote(String s) {
        if (s == null) return "";
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Row by row, for tables built from plain values. */
    public static final class Builder {
        private final String name;
        private final List<String> labelHeaders;
        private final List<Column> columns;
        private final List<Row> rows = new ArrayList<>();

        public Builder(String name, List<String> labelHeaders, List<Column> columns) {
            this.name = name;
            this.labelHeaders = List.copyOf(labelHeaders);
            this.columns = List.copyOf(columns);
        }

        public Builder row(List<String> labels, double... values) {
            rows.add(new Row(labels, Arrays.stream(values).mapToObj(PaperTable::single).toList()));
            return this;
        }

        public PaperTable build() {
            return new PaperTable(name, labelHeaders, columns, rows, false);
        }
    }
}
