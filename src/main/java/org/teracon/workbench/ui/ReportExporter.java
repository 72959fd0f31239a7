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
import org.teracon.workbench.experiment.LatexTable;
import org.teracon.workbench.experiment.PaperTable;
import org.teracon.workbench.ui.export.Exports;
import org.teracon.workbench.ui.export.PaperFigure;
import org.teracon.workbench.ui.export.SvgWriter;
import org.teracon.workbench.ui.view.HeatmapView;
import org.teracon.workbench.ui.vm.HeatmapData;
import org.teracon.workbench.ui.vm.LossHistory;
import org.teracon.workbench.ui.vm.RunTables;
import org.teracon.workbench.ui.vm.RunViewModel;

/**
 * "Export report": every chart of the shown run as PNG, SVG and PDF (with its pgfplots .dat and .tex)
 * and every table as its numeric CSV ({@link RunTables}, the run folder's headers) and, for the
 * accuracy matrix and the transfer table, LaTeX; every file named {@code <run name>-<what>.<ext>}.
 * {@link #capture} runs on the FX thread (rendering charts off-screen); {@link Report#write} is plain IO.
 */
public final class ReportExporter {
    private static final String CSS = "/styles/workbench.css";

    /** Everything captured, ready to be written by a background task. */
    public record Report(Map<String, BufferedImage> pngs, Map<String, String> texts, Map<String, byte[]> binaries) {
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
            binaries.forEach((name, bytes) -> {
                Path f = folder.resolve(name);
                Exports.writeBytes(bytes, f);
                written.add(f);
            });
            return written;
        }
    }

    private ReportExporter() {
    }

    /** FX thread. @param stem the run's name, the first part of every file name */
    public static Report capture(RunViewModel vm, String stem) {
        Map<String, BufferedImage> pngs = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, byte[]> binaries = new LinkedHashMap<>();
        int stage = 0;
        for (LossHistory h : vm.losses()) {
            stage++;
            String name = stem + String.format("-loss_%02d_%s", stage, Exports.slug(h.task()));
            String title = "Training loss — " + h.task();
            List<SvgWriter.Series> series = Exports.seriesOf(h.series());
            pngs.put(name + ".png", render(lossChart(title, h), 900, 520));
            texts.put(name + ".svg", SvgWriter.lineChart(title, "epoch", "loss", series));
            binaries.putAll(PaperFigure.lineChart("epoch", "loss", series).files(name));
        }
        MaskSimilarityTable t = vm.masksProperty().get();
        if (t != null) {
            List<HeatmapData> maps = new ArrayList<>();
            maps.add(HeatmapData.cosine("Task-mask cosine similarity (averaged over layers)", t.tasks(), t.averaged()));
            for (int k = 0; k < t.perLayer().length; k++) {
                maps.add(HeatmapData.cosine("Task-mask cosine similarity, " + RunViewModel.layerName(k).toLowerCase(), t.tasks(), t.perLayer()[k]));
            }
            for (int i = 0; i < maps.size(); i++) {
                String name = stem + (i == 0 ? "-heatmap_averaged" : String.format("-heatmap_layer_%02d", i));
                HeatmapView view = new HeatmapView();
                view.dataProperty().set(maps.get(i));
                pngs.put(name + ".png", Exports.cropToContent(render(view, 760, 600), ExportActions.CROP_MARGIN));
                texts.put(name + ".svg", SvgWriter.heatmap(maps.get(i)));
                texts.put(name + ".csv", RunTables.heatmap(maps.get(i)).csv());
                binaries.putAll(PaperFigure.heatmap(maps.get(i)).files(name));
            }
        }
        table(texts, stem + "-accuracy_matrix", RunTables.matrix(vm), true);
        table(texts, stem + "-transfer", RunTables.transfer(vm), true);
        table(texts, stem + "-sampling_rates", vm.rhoTable(), false);
        table(texts, stem + "-timing", RunTables.timing(vm.timingRows()), false);
        return new Report(pngs, texts, binaries);
    }

    /** The table's CSV, and its LaTeX where a paper would print it; nothing before the table has a value. */
    private static void table(Map<String, String> texts, String name, PaperTable t, boolean latex) {
        if (t == null) return;
        texts.put(name + ".csv", t.csv());
        if (latex) texts.put(name + ".tex", LatexTable.of(t));
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

}
