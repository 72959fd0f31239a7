package org.teracon.workbench.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.ui.vm.HeatmapData;

/** Paper figures: a PDF page one column wide that PDFBox reads back, an SVG of the same size, and pgfplots data. */
class PaperFigureTest {
    private static final HeatmapData HEAT = HeatmapData.cosine("masks", List.of("next_item", "taste_group", "liked_items"),
            new double[][] {{1, 0.5, 0.25}, {0.5, 1, Double.NaN}, {0.25, Double.NaN, 1}});

    @Test
    void theHeatmapPdfIsOneVectorPageThreeAndAHalfByTwoPointFourInchesWithTheTaskNamesAsText() throws Exception {
        Map<String, byte[]> files = PaperFigure.heatmap(HEAT).files("r1-heatmap");
        assertEquals(List.of("r1-heatmap.pdf", "r1-heatmap.dat", "r1-heatmap.tex"), List.copyOf(files.keySet()));
        try (PDDocument doc = Loader.loadPDF(files.get("r1-heatmap.pdf"))) {
            assertEquals(1, doc.getNumberOfPages());
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertEquals(3.5 * 72, box.getWidth(), 0.01);
            assertEquals(2.4 * 72, box.getHeight(), 0.01);
            assertTrue(doc.getPage(0).getResources().getXObjectNames().iterator().hasNext() == false, "no embedded images: vector only");
            String text = new PDFTextStripper().getText(doc);
            for (String task : HEAT.labels()) assertTrue(text.contains(task), task + " in " + text);
        }
    }

    @Test
    void theLossChartPdfParsesAndKeepsTheLegend() throws Exception {
        List<SvgWriter.Series> s = List.of(new SvgWriter.Series("total", new double[] {0.5, 1}, new double[] {5, 4}),
                new SvgWriter.Series("kr", new double[] {0.5, 1, 1.5}, new double[] {0.2, Double.NaN, 0.1}));
        Map<String, byte[]> files = PaperFigure.lineChart("epoch", "loss", s).files("r1-loss");
        try (PDDocument doc = Loader.loadPDF(files.get("r1-loss.pdf"))) {
            assertEquals(3.5 * 72, doc.getPage(0).getMediaBox().getWidth(), 0.01);
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("total") && text.contains("kr") && text.contains("epoch"), text);
        }
        String dat = new String(files.get("r1-loss.dat"), StandardCharsets.UTF_8);
        assertEquals(List.of("x1 y1 x2 y2", "0.5 5.0 0.5 0.2", "1.0 4.0 1.0 nan", "nan nan 1.5 0.1"), dat.lines().toList(),
                "one x/y column pair per series, the shorter padded with nan");
        String tex = new String(files.get("r1-loss.tex"), StandardCharsets.UTF_8);
        assertTrue(tex.contains("table[x=x2, y=y2] {r1-loss.dat}") && tex.contains("\\addlegendentry{kr}"), tex);
    }

    @Test
    void heatmapDataIsOneScanlinePerRowForMatrixPlot() {
        String dat = Pgfplots.heatmapData(HEAT);
        List<String> lines = dat.lines().toList();
        assertEquals("x y z", lines.get(0));
        assertEquals(List.of("0 0 1.0", "1 0 0.5", "2 0 0.25", ""), lines.subList(1, 5));
        assertEquals("2 1 nan", lines.get(7), "a missing cell is nan, which pgfplots skips");
        String tex = Pgfplots.heatmapTex(HEAT, "r1-heatmap.dat");
        assertTrue(tex.contains("mesh/cols=3") && tex.contains("{next\\_item}") && tex.contains("{r1-heatmap.dat}"), tex);
    }

    @Test
    void theSvgIsSizedInInchesForOneColumn() {
        String svg = SvgWriter.heatmap(HEAT);
        assertTrue(svg.contains("width=\"3.500in\" height=\"2.400in\""), svg.lines().limit(3).toList().toString());
    }

    @Test
    void charactersHelveticaCannotEncodeBecomeQuestionMarksInsteadOfFailingTheExport() throws Exception {
        byte[] pdf = FigurePdf.of(PaperFigures.lineChart("epoch", "ρ − kr", List.of()));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.replaceAll("\\s", "").contains("?-kr"), text); // the rotated label comes back a glyph per line
        }
    }
}
