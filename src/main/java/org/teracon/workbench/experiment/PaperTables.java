package org.teracon.workbench.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.teracon.workbench.experiment.PaperTable.Better;
import org.teracon.workbench.experiment.PaperTable.Column;
import org.teracon.workbench.method.EvaluationProtocol;

/**
 * The workbench's tables as {@link PaperTable}s, each built in one place so the run folder, the window
 * and the report write the same headers: the accuracy matrix, the transfer table, a task × task table
 * (ρ, a heatmap), and the comparison/study tables ({@link ResultTable}, {@link SeedTable}).
 */
public final class PaperTables {
    /** Transfer table headers; the two percentages carry their unit. */
    public static final List<String> TRANSFER_COLUMNS = List.of("R(Ti,Ti)", "R(TM,Ti)", "bwt_pct", "single_task_R", "fwt_pct");
    private static final List<Better> TRANSFER_BETTER = List.of(Better.HIGHER, Better.HIGHER, Better.HIGHER, Better.NONE, Better.HIGHER);

    private PaperTables() {
    }

    /** R(T_j, T_i): a row per stage ({@code after_task}), a column per task named with its metric and protocol. */
    public static PaperTable matrix(AccuracyMatrix m) {
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) cols.add(new Column(m.column(i), Better.HIGHER));
        PaperTable.Builder b = new PaperTable.Builder("accuracy_matrix", List.of("after_task"), cols);
        for (int j = 0; j < m.size(); j++) b.row(List.of(m.tasks().get(j)), m.values()[j]);
        return b.build();
    }

    public static PaperTable transfer(List<TransferScores.Row> rows, EvaluationProtocol protocol) {
        PaperTable.Builder b = new PaperTable.Builder("transfer", List.of("task", "metric"), transferColumns());
        for (TransferScores.Row r : rows) {
            b.row(List.of(r.task(), protocol.label(r.metric())), r.learned(), r.last(), r.bwt(), r.reference(), r.fwt());
        }
        return b.build();
    }

    static List<Column> transferColumns() {
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < TRANSFER_COLUMNS.size(); i++) cols.add(new Column(TRANSFER_COLUMNS.get(i), TRANSFER_BETTER.get(i)));
        return cols;
    }

    /** A labelled task × task table (sampling rates, one heatmap layer); rows and columns by name, NaN where absent. */
    public static PaperTable square(String name, String corner, List<String> rowLabels, List<String> columns, double[][] values, Better better) {
        PaperTable.Builder b = new PaperTable.Builder(name, List.of(corner), columns.stream().map(c -> new Column(c, better)).toList());
        for (int r = 0; r < rowLabels.size(); r++) b.row(List.of(rowLabels.get(r)), values[r]);
        return b.build();
    }

    /** ρ(i, j) per stage: the last value each stage reported for each older task. */
    public static PaperTable samplingRates(List<String> stages, List<Map<String, Double>> rhoByStage) {
        List<String> cols = new ArrayList<>();
        for (Map<String, Double> m : rhoByStage) for (String k : m.keySet()) if (!cols.contains(k)) cols.add(k);
        double[][] v = new double[rhoByStage.size()][cols.size()];
        for (int r = 0; r < v.length; r++) {
            for (int c = 0; c < cols.size(); c++) {
                Double x = rhoByStage.get(r).get(cols.get(c));
                v[r][c] = x == null ? Double.NaN : x;
            }
        }
        return square("sampling_rates", "current_task", stages, cols, v, Better.NONE);
    }

    /** A comparison or study table: every column's direction from its header ({@link #betterFor}). */
    public static PaperTable of(ResultTable t) {
        PaperTable.Builder b = new PaperTable.Builder(t.title(), List.of(t.rowHeader()),
                t.columns().stream().map(c -> new Column(c, betterFor(c))).toList());
        for (int r = 0; r < t.rows().size(); r++) b.row(List.of(t.rows().get(r)), t.values()[r]);
        return b.build();
    }

    /** A seed group's table: each cell mean, std (n−1) and n. */
    public static PaperTable of(SeedTable t) {
        List<PaperTable.Row> rows = new ArrayList<>();
        for (int r = 0; r < t.rows().size(); r++) {
            List<SeedStats.Summary> cells = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) cells.add(t.cell(r, c));
            rows.add(new PaperTable.Row(List.of(t.rows().get(r)), cells));
        }
        return new PaperTable(t.title(), List.of(t.rowHeader()), t.columns().stream().map(c -> new Column(c, betterFor(c))).toList(),
                rows, true);
    }

    /**
     * Direction of a comparison/study column, from the headers {@link Comparison} and {@link Studies} write:
     * times are better lower; ρ and the single-task reference describe the setting; every score, BWT, FWT
     * and the noisy study's degradation % (with − without, negative when noise hurts) are better higher.
     */
    public static Better betterFor(String header) {
        String h = header.toLowerCase(java.util.Locale.ROOT);
        if (h.equals("seconds") || h.startsWith("s/epoch") || h.contains("seconds")) return Better.LOWER;
        if (h.contains("rho") || h.equals("single_task_r") || h.contains("test users")) return Better.NONE;
        return Better.HIGHER;
    }
}
