package org.teracon.workbench.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import org.teracon.workbench.experiment.MaskSimilarityTable;
import org.teracon.workbench.experiment.TransferScores;
import org.teracon.workbench.ui.export.Exports;
import org.teracon.workbench.ui.export.SvgWriter;
import org.teracon.workbench.ui.view.HeatmapView;
import org.teracon.workbench.ui.vm.Fmt;
import org.teracon.workbench.ui.vm.HeatmapData;
import org.teracon.workbench.ui.vm.LossHistory;
import org.teracon.workbench.ui.vm.MatrixRow;
import org.teracon.workbench.ui.vm.RunViewModel;
import org.teracon.workbench.ui.vm.TimingRow;

/**
 * "Export report": every chart of the shown run as PNG and SVG and every table as CSV, into one folder.
 * {@link #capture} runs on the FX thread (rendering charts off-screen); {@link Report#write} is plain IO.
 */
public final class ReportExporter {
    private static final String CSS = "/styles/workbench.css";

    /** Everything captured, ready to be written by a background task. */
    public record Report(Map<String, BufferedImage> pngs, Map<String, String> texts) {
        public List<Path> write(Path folder) {
            List<Path> written = new ArrayList<>();
            pngs.forEach((name, img) -> {
                Path f = folder.resolve(name);
                Exports.writePng(img, f);
                written.add(f);
            });
            texts.forEach((name, text) -> {
                Path f = folder.resolve(name);
                Exports.writeText(text, f);
                written.add(f);
            });
            return written;
        }
    }

    private ReportExporter() {
    }

    /** FX thread. */
    public static Report capture(RunViewModel vm) {
        Map<String, BufferedImage> pngs = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        int stage = 0;
        for (LossHistory h : vm.losses()) {
            stage++;
            String name = String.format("loss_%02d_%s", stage, Exports.slug(h.task()));
            String title = "Training loss — " + h.task();
            pngs.put(name + ".png", render(lossChart(title, h), 900, 520));
            texts.put(name + ".svg", SvgWriter.lineChart(title, "epoch", "loss", Exports.seriesOf(h.series())));
        }
        MaskSimilarityTable t = vm.masksProperty().get();
        if (t != null) {
            List<HeatmapData> maps = new ArrayList<>();
            maps.add(HeatmapData.cosine("Task-mask cosine similarity (averaged over layers)", t.tasks(), t.averaged()));
            for (int k = 0; k < t.perLayer().length; k++) {
                maps.add(HeatmapData.cosine("Task-mask cosine similarity, " + RunViewModel.layerName(k).toLowerCase(), t.tasks(), t.perLayer()[k]));
            }
            for (int i = 0; i < maps.size(); i++) {
                String name = i == 0 ? "mask_similarity_averaged" : String.format("mask_similarity_layer_%02d", i);
                HeatmapView view = new HeatmapView();
                view.dataProperty().set(maps.get(i));
                pngs.put(name + ".png", render(view, 760, 600));
                texts.put(name + ".svg", SvgWriter.heatmap(maps.get(i)));
                texts.put(name + ".csv", heatmapCsv(maps.get(i)));
            }
        }
        texts.put("accuracy_matrix.csv", matrixCsv("after task", vm.matrixColumns(), vm.matrixRows()));
        texts.put("transfer.csv", transferCsv(vm.transferRows(), vm::metricLabel));
        texts.put("sampling_rates.csv", matrixCsv("current task", vm.rhoColumns(), vm.rhoRows()));
        texts.put("timing.csv", timingCsv(vm.timingRows()));
        return new Report(pngs, texts);
    }

    private static LineChart<Number, Number> lossChart(String title, LossHistory h) {
        NumberAxis x = new NumberAxis();
        x.setLabel("epoch");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("loss");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setTitle(title);
        // A data point belongs to one chart only: copy the live series.
        for (XYChart.Series<Number, Number> s : h.series()) {
            XYChart.Series<Number, Number> copy = new XYChart.Series<>();
            copy.setName(s.getName());
            for (XYChart.Data<Number, Number> d : s.getData()) copy.getData().add(new XYChart.Data<>(d.getXValue(), d.getYValue()));
            chart.getData().add(copy);
        }
        return chart;
    }

    /** FX thread: lays a node out in its own scene and snapshots it. */
    static BufferedImage render(Parent node, double w, double h) {
        StackPane root = new StackPane(node);
        Scene scene = new Scene(root, w, h);
        var css = ReportExporter.class.getResource(CSS);
        if (css != null) scene.getStylesheets().add(css.toExternalForm());
        root.applyCss();
        root.layout();
        return Exports.capture(root);
    }

    public static String heatmapCsv(HeatmapData d) {
        StringBuilder b = new StringBuilder("task");
        for (String l : d.labels()) b.append(',').append(csv(l));
        b.append('\n');
        for (int r = 0; r < d.size(); r++) {
            b.append(csv(d.labels().get(r)));
            for (int c = 0; c < d.size(); c++) b.append(',').append(Fmt.num(d.values()[r][c]));
            b.append('\n');
        }
        return b.toString();
    }

    static String matrixCsv(String corner, List<String> columns, List<MatrixRow> rows) {
        StringBuilder b = new StringBuilder(csv(corner));
        for (String c : columns) b.append(',').append(csv(c));
        b.append('\n');
        for (MatrixRow r : rows) {
            b.append(csv(r.label()));
            for (int i = 0; i < columns.size(); i++) b.append(',').append(r.cell(i));
            b.append('\n');
        }
        return b.toString();
    }

    /** @param metric the metric as the table shows it (with the run's protocol) */
    static String transferCsv(List<TransferScores.Row> rows, java.util.function.Function<TransferScores.Row, String> metric) {
        StringBuilder b = new StringBuilder("task,metric,learned,last,bwt_percent,reference,fwt_percent\n");
        for (TransferScores.Row r : rows) {
            b.append(String.join(",", csv(r.task()), csv(metric.apply(r)), Fmt.num(r.learned()), Fmt.num(r.last()),
                    Fmt.num(r.bwt()), Fmt.num(r.reference()), Fmt.num(r.fwt()))).append('\n');
        }
        return b.toString();
    }

    static String timingCsv(List<TimingRow> rows) {
        StringBuilder b = new StringBuilder("task,epochs,seconds_per_epoch,task_seconds,last_validation\n");
        for (TimingRow r : rows) {
            b.append(String.join(",", csv(r.task()), Integer.toString(r.epochs()), Fmt.num(r.meanEpochSeconds()),
                    Fmt.num(r.stageSeconds()), Fmt.num(r.lastValidation()))).append('\n');
        }
        return b.toString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
