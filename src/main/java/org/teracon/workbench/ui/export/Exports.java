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
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/**
 * PNG, SVG, PDF and text writers. Capturing (snapshot, reading table cells) must happen on the FX thread;
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

    /**
     * The image cut to the bounding box of its non-background pixels plus {@code margin}: a view's
     * snapshot keeps the empty space the layout gave it (a square heatmap in a wide tab was 40 % white).
     * The background is the top-left pixel's colour.
     */
    public static BufferedImage cropToContent(BufferedImage img, int margin) {
        int bg = img.getRGB(0, 0);
        int x0 = img.getWidth(), y0 = img.getHeight(), x1 = -1, y1 = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) != bg) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) return img;
        x0 = Math.max(0, x0 - margin);
        y0 = Math.max(0, y0 - margin);
        x1 = Math.min(img.getWidth() - 1, x1 + margin);
        y1 = Math.min(img.getHeight() - 1, y1 + margin);
        BufferedImage out = new BufferedImage(x1 - x0 + 1, y1 - y0 + 1, BufferedImage.TYPE_INT_ARGB);
        out.getGraphics().drawImage(img.getSubimage(x0, y0, x1 - x0 + 1, y1 - y0 + 1), 0, 0, null);
        return out;
    }

    public static void writePng(BufferedImage image, Path file) {
        atomically(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) throw new IOException("no PNG writer available");
        });
    }

    public static void writeBytes(byte[] bytes, Path file) {
        atomically(file, tmp -> Files.write(tmp, bytes));
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

    /** A file-name-safe version of a title. */
    public static String slug(String s) {
        String t = s.toLowerCase().replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return t.isEmpty() ? "chart" : t;
    }
}
