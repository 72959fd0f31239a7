package org.teracon.workbench.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A labelled table of numbers (a paper-style result table): rows, named numeric columns. Writes CSV
 * (one {@link PaperTable}) and Markdown for docs; NaN prints as "–" in Markdown and empty in CSV.
 */
public record ResultTable(String title, String rowHeader, List<String> rows, List<String> columns, double[][] values) {

    public ResultTable {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
    }

    /** The numeric CSV every table of the workbench writes ({@link PaperTable}). */
    public String csv() {
        return PaperTables.of(this).csv();
    }

    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| ").append(rowHeader);
        for (String c : columns) b.append(" | ").append(c);
        b.append(" |\n|---");
        for (int c = 0; c < columns.size(); c++) b.append("|---:");
        b.append("|\n");
        for (int r = 0; r < rows.size(); r++) {
            b.append("| ").append(rows.get(r));
            for (int c = 0; c < columns.size(); c++) {
                double v = values[r][c];
                b.append(" | ").append(Double.isNaN(v) ? "–" : String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.4f", v));
            }
            b.append(" |\n");
        }
        return b.toString();
    }

    /** Helper for building row by row. */
    public static final class Builder {
        private final String title;
        private final String rowHeader;
        private final List<String> columns;
        private final List<String> rows = new ArrayList<>();
        private final List<double[]> values = new ArrayList<>();

        public Builder(String title, String rowHeader, List<String> columns) {
            this.title = title;
            this.rowHeader = rowHeader;
            this.columns = List.copyOf(columns);
        }

        public Builder row(String label, double... v) {
            if (v.length != columns.size()) throw new IllegalArgumentException("row " + label + " has " + v.length + " values, expected " + columns.size());
            rows.add(label);
            values.add(v.clone());
            return this;
        }

        public ResultTable build() {
            return new ResultTable(title, rowHeader, rows, columns, values.toArray(new double[0][]));
        }
    }
}
