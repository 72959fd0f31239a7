package org.teracon.workbench.ui.vm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a run folder's loss.csv back into per-task curves, so a reopened run shows the same loss chart
 * it showed live. Columns are found by name (stage or task, epoch, batch, optional batches, then loss
 * terms), which keeps this working if the engine adds columns.
 */
public final class LossCsv {
    private static final List<String> KEY_COLUMNS = List.of("stage", "task", "epoch", "step", "batch", "batches", "run", "run_id", "time", "seconds", "skipped");

    /** One task's curve: x = epochs done (fractional), one y list per loss term. */
    public record Curve(String task, List<Double> xs, Map<String, List<Double>> ys) {
        public LossHistory toHistory() {
            LossHistory h = new LossHistory(task);
            for (int i = 0; i < xs.size(); i++) {
                Map<String, Double> point = new LinkedHashMap<>();
                for (Map.Entry<String, List<Double>> e : ys.entrySet()) point.put(e.getKey(), e.getValue().get(i));
                h.add(xs.get(i), point);
            }
            return h;
        }
    }

    private LossCsv() {
    }

    /** Empty when the run has no loss.csv (e.g. cancelled before the first batch). */
    public static List<Curve> read(Path runDir) {
        Path file = runDir.resolve("loss.csv");
        if (!Files.isRegularFile(file)) return List.of();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty()) return List.of();
        List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(s -> s.trim().toLowerCase()).toList();
        int stageCol = header.indexOf("stage");
        int taskCol = header.indexOf("task");
        int epochCol = header.indexOf("epoch");
        int batchCol = header.indexOf("step") >= 0 ? header.indexOf("step") : header.indexOf("batch");
        int batchesCol = header.indexOf("batches");
        List<Integer> termCols = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) if (!KEY_COLUMNS.contains(header.get(i))) termCols.add(i);

        Map<String, Curve> curves = new LinkedHashMap<>();
        Map<String, Integer> batchesPerEpoch = new LinkedHashMap<>();
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.split(",", -1);
            rows.add(f);
            String key = key(f, stageCol, taskCol);
            if (batchCol >= 0) batchesPerEpoch.merge(key, parseInt(f, batchCol), Math::max);
        }
        int row = 0;
        for (String[] f : rows) {
            String key = key(f, stageCol, taskCol);
            Curve c = curves.computeIfAbsent(key, k -> new Curve(taskCol >= 0 ? k : "T" + (Integer.parseInt(k) + 1), new ArrayList<>(), new LinkedHashMap<>()));
            double epoch = epochCol >= 0 ? parseInt(f, epochCol) : 0;
            double x;
            if (batchCol >= 0) {
                int batches = batchesCol >= 0 ? parseInt(f, batchesCol) : batchesPerEpoch.get(key);
                // Epochs and steps are counted from 1 (RunFolder.LossRow).
                x = (epoch - 1) + (double) parseInt(f, batchCol) / Math.max(1, batches);
            } else {
                x = row;
            }
            row++;
            c.xs().add(x);
            for (int col : termCols) {
                c.ys().computeIfAbsent(header.get(col), k -> new ArrayList<>()).add(parseDouble(f, col));
            }
        }
        return List.copyOf(curves.values());
    }

    private static String key(String[] f, int stageCol, int taskCol) {
        if (taskCol >= 0 && taskCol < f.length) return f[taskCol].trim();
        if (stageCol >= 0 && stageCol < f.length) return f[stageCol].trim();
        return "0";
    }

    private static int parseInt(String[] f, int col) {
        try {
            return col < f.length ? (int) Double.parseDouble(f[col].trim()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double parseDouble(String[] f, int col) {
        try {
            return col < f.length && !f[col].isBlank() ? Double.parseDouble(f[col].trim()) : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
