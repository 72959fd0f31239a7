package org.teracon.workbench.ui.export;

import java.util.List;
import java.util.Locale;
import org.teracon.workbench.experiment.LatexTable;
import org.teracon.workbench.ui.vm.HeatmapData;

/**
 * A figure's data as a whitespace-separated table that pgfplots' {@code \addplot table} reads, and a
 * small tikzpicture that draws it at one paper column's size ({@code \input} it beside the .dat file).
 * Missing values are {@code nan}, which pgfplots skips.
 */
public final class Pgfplots {
    private Pgfplots() {
    }

    /** Heatmap cells as "x y z" scanlines (one blank line after each row), the layout {@code matrix plot*} expects. */
    public static String heatmapData(HeatmapData d) {
        StringBuilder b = new StringBuilder("x y z\n");
        for (int r = 0; r < d.size(); r++) {
            for (int c = 0; c < d.size(); c++) b.append(c).append(' ').append(r).append(' ').append(num(d.values()[r][c])).append('\n');
            b.append('\n');
        }
        return b.toString();
    }

    public static String heatmapTex(HeatmapData d, String datFile) {
        int n = d.size();
        String ticks = n == 0 ? "" : "0,...," + (n - 1);
        String labels = String.join(",", d.labels().stream().map(l -> "{" + LatexTable.escape(l) + "}").toList());
        return header(datFile) + "\\begin{tikzpicture}\n\\begin{axis}[width=3.5in, height=2.4in, scale only axis=false, enlargelimits=false,\n"
                + "  axis equal image, y dir=reverse, colorbar, colormap/viridis,\n"
                + String.format(Locale.ROOT, "  point meta min=%s, point meta max=%s,%n", num(d.min()), num(d.max()))
                + "  xtick={" + ticks + "}, ytick={" + ticks + "}, xticklabels={" + labels + "}, yticklabels={" + labels + "},\n"
                + "  xticklabel style={rotate=45, anchor=north east}, tick label style={font=\\scriptsize}]\n"
                + "\\addplot[matrix plot*, mesh/cols=" + n + ", point meta=explicit] table[meta=z] {" + datFile + "};\n"
                + "\\end{axis}\n\\end{tikzpicture}\n";
    }

    /** Each series as two columns ({@code x1 y1 x2 y2 ...}, series in order), shorter series padded with nan. */
    public static String lineData(List<SvgWriter.Series> series) {
        StringBuilder b = new StringBuilder();
        int rows = 0;
        for (int i = 0; i < series.size(); i++) {
            b.append(i == 0 ? "" : " ").append("x").append(i + 1).append(" y").append(i + 1);
            rows = Math.max(rows, series.get(i).xs().length);
        }
        b.append('\n');
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < series.size(); i++) {
                SvgWriter.Series s = series.get(i);
                boolean has = r < s.xs().length;
                b.append(i == 0 ? "" : " ").append(has ? num(s.xs()[r]) : "nan").append(' ').append(has ? num(s.ys()[r]) : "nan");
            }
            b.append('\n');
        }
        return b.toString();
    }

    public static String lineTex(String xLabel, String yLabel, List<SvgWriter.Series> series, String datFile) {
        StringBuilder b = new StringBuilder(header(datFile));
        b.append("\\begin{tikzpicture}\n\\begin{axis}[width=3.5in, height=2.4in, xlabel={").append(LatexTable.escape(xLabel))
                .append("}, ylabel={").append(LatexTable.escape(yLabel)).append("},\n  legend pos=north east, legend style={font=\\scriptsize},")
                .append(" tick label style={font=\\scriptsize}, unbounded coords=jump]\n");
        for (int i = 0; i < series.size(); i++) {
            b.append("\\addplot[thick, no markers, color={rgb,255:red,").append(rgb(SvgWriter.SERIES_COLORS[i % SvgWriter.SERIES_COLORS.length]))
                    .append("}] table[x=x").append(i + 1).append(", y=y").append(i + 1).append("] {").append(datFile).append("};\n")
                    .append("\\addlegendentry{").append(LatexTable.escape(series.get(i).name())).append("}\n");
        }
        return b.append("\\end{axis}\n\\end{tikzpicture}\n").toString();
    }

    private static String header(String datFile) {
        return "% pgfplots figure for one column of a two-column paper; needs \\usepackage{pgfplots} (\\pgfplotsset{compat=1.17})\n"
                + "% data: " + datFile + "\n";
    }

    private static String rgb(String hex) {
        java.awt.Color c = java.awt.Color.decode(hex);
        return c.getRed() + ";green," + c.getGreen() + ";blue," + c.getBlue();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "nan";
    }
}
