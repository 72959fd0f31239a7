package org.teracon.workbench.ui.export;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.teracon.workbench.ui.vm.HeatmapData;

/**
 * One figure for a paper: its vector layout and its pgfplots data, and the files they make,
 * {@code <base>.pdf}, {@code <base>.dat} and {@code <base>.tex} (the snippet reads the .dat by name).
 */
public record PaperFigure(Figure figure, String data, Function<String, String> texFor) {

    public static PaperFigure heatmap(HeatmapData d) {
        return new PaperFigure(PaperFigures.heatmap(d), Pgfplots.heatmapData(d), dat -> Pgfplots.heatmapTex(d, dat));
    }

    public static PaperFigure lineChart(String xLabel, String yLabel, List<SvgWriter.Series> series) {
        return new PaperFigure(PaperFigures.lineChart(xLabel, yLabel, series), Pgfplots.lineData(series),
                dat -> Pgfplots.lineTex(xLabel, yLabel, series, dat));
    }

    /** File name → content of the PDF and its pgfplots pair. */
    public Map<String, byte[]> files(String base) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(base + ".pdf", FigurePdf.of(figure));
        out.put(base + ".dat", data.getBytes(StandardCharsets.UTF_8));
        out.put(base + ".tex", texFor.apply(base + ".dat").getBytes(StandardCharsets.UTF_8));
        return out;
    }
}
