package org.teracon.workbench.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.teracon.workbench.experiment.PaperTable.Better;

/**
 * A {@link PaperTable} as a booktabs {@code tabular} to {@code \input} into a paper: numbers in math
 * mode ({@code $0.123$}, a seed group's cells {@code $0.123 \pm 0.004$}), "--" where a value is not
 * available, and in every column that has a direction and at least two values the best one(s) in
 * {@code \textbf{\boldmath$...$}} (plain {@code \textbf} leaves math mode unbolded). Needs the
 * booktabs package.
 */
public final class LatexTable {
    private LatexTable() {
    }

    public static String of(PaperTable t) {
        StringBuilder b = new StringBuilder();
        b.append("% ").append(escapeComment(t.name())).append(" (TERACON Workbench); needs \\usepackage{booktabs}");
        if (t.seeded()) b.append("; mean \\pm sample std (n-1) over seeds");
        b.append('\n');
        b.append("\\begin{tabular}{").append("l".repeat(t.labelHeaders().size())).append("r".repeat(t.columns().size())).append("}\n");
        b.append("\\toprule\n");
        List<String> head = new ArrayList<>(t.labelHeaders().stream().map(LatexTable::escape).toList());
        for (PaperTable.Column c : t.columns()) head.add(escape(c.header()));
        b.append(String.join(" & ", head)).append(" \\\\\n");
        b.append("\\midrule\n");
        boolean[][] best = best(t);
        for (int r = 0; r < t.rows().size(); r++) {
            PaperTable.Row row = t.rows().get(r);
            List<String> cells = new ArrayList<>(row.labels().stream().map(LatexTable::escape).toList());
            for (int c = 0; c < t.columns().size(); c++) cells.add(cell(row.cells().get(c), decimals(t.column(c)), best[r][c]));
            b.append(String.join(" & ", cells)).append(" \\\\\n");
        }
        b.append("\\bottomrule\n\\end{tabular}\n");
        return b.toString();
    }

    /** best[r][c]: row r holds column c's best mean (ties all marked). */
    static boolean[][] best(PaperTable t) {
        boolean[][] best = new boolean[t.rows().size()][t.columns().size()];
        for (int c = 0; c < t.columns().size(); c++) {
            Better dir = t.column(c).better();
            if (dir == Better.NONE) continue;
            int k = c;
            double[] means = t.rows().stream().mapToDouble(r -> r.mean(k)).filter(Double::isFinite).toArray();
            if (means.length < 2) continue; // a lone value is not "best" of anything
            double target = dir == Better.HIGHER ? java.util.Arrays.stream(means).max().getAsDouble() : java.util.Arrays.stream(means).min().getAsDouble();
            for (int r = 0; r < best.length; r++) best[r][c] = t.rows().get(r).mean(c) == target;
        }
        return best;
    }

    private static String cell(SeedStats.Summary s, int decimals, boolean bold) {
        if (s.n() == 0 || !Double.isFinite(s.mean())) return "--";
        String f = "%." + decimals + "f";
        String math = String.format(Locale.ROOT, f, s.mean());
        if (s.n() >= 2 && Double.isFinite(s.std())) math += String.format(Locale.ROOT, " \\pm " + f, s.std());
        return bold ? "\\textbf{\\boldmath$" + math + "$}" : "$" + math + "$";
    }

    /** Percentages (BWT, FWT, degradation) to 2 decimals, times to 1, scores and rates to 3. */
    static int decimals(PaperTable.Column c) {
        String h = c.header().toLowerCase(Locale.ROOT);
        if (h.contains("pct") || h.contains("%") || h.startsWith("bwt") || h.startsWith("fwt")) return 2;
        if (c.better() == Better.LOWER) return 1;
        return 3;
    }

    /** LaTeX's ten special characters, as text-mode commands. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> b.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> b.append('\\').append(ch);
                case '~' -> b.append("\\textasciitilde{}");
                case '^' -> b.append("\\textasciicircum{}");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private static String escapeComment(String s) {
        return s.replace("\n", " ");
    }
}
