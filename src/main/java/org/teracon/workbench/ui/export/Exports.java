package org.teracon.workbench.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/**
 * PNG, SVG and CSV writers. Capturing (snapshot, reading table cells) must happen on the FX thread;
 * the returned values are plain data that background tasks then write to disk.
 */
public final class Exports {
    private Exports() {
    }

    /** FX thread: renders a node to an AWT image (white background, as on paper). */
    public static BufferedImage capture(Node node) {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        WritableImage img = node.snapshot(p, null);
        return SwingFXUtils.fromFXImage(img, null);
    }

    public static void writePng(BufferedImage image, Path file) {
        atomically(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) throw new IOException("no PNG writer available");
        });
    }

    public static void writeText(String text, Path file) {
        atomically(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    private interface Writer {
        void write(Path tmp) throws IOException;
    }

    /** Every export goes through the engine's atomic write: no viewer ever opens half a file. */
    private static void atomically(Path file, Writer writer) {
        org.teracon.workbench.experiment.AtomicFiles.write(file, writer::write);
    }

    /** FX thread: a chart's series as plain data for {@link SvgWriter#lineChart}. */
    public static List<SvgWriter.Series> seriesOf(List<XYChart.Series<Number, Number>> chartSeries) {
        List<SvgWriter.Series> out = new ArrayList<>();
        for (XYChart.Series<Number, Number> s : chartSeries) {
            int n = s.getData().size();
            double[] xs = new double[n], ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = s.getData().get(i).getXValue().doubleValue();
                ys[i] = s.getData().get(i).getYValue().doubleValue();
            }
            out.add(new SvgWriter.Series(s.getName(), xs, ys));
        }
        return out;
    }

    /** FX thread: the table as CSV text, visible leaf columns, cells as displayed. */
    public static String csvOf(TableView<?> table) {
        StringBuilder b = new StringBuilder();
        List<? extends TableColumn<?, ?>> cols = table.getVisibleLeafColumns();
        List<String> head = new ArrayList<>();
        for (TableColumn<?, ?> c : cols) head.add(csv(c.getText()));
        b.append(String.join(",", head)).append('\n');
        for (int r = 0; r < table.getItems().size(); r++) {
            List<String> cells = new ArrayList<>();
            for (TableColumn<?, ?> c : cols) {
                Object v = c.getCellData(r);
                cells.add(csv(v == null ? "" : v.toString()));
            }
            b.append(String.join(",", cells)).append('\n');
        }
        return b.toString();
    }

    static String csv(String s) {
        if (s == null) return "";
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** A file-name-safe version of a title. */
    public static String slug(String s) {
        String t = s.toLowerCase().replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return t.isEmpty() ? "chart" : t;
    }
}
