package org.teracon.workbench.ui.export;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;

/**
 * A {@link Figure} as a one-page vector PDF (Apache PDFBox) whose page is the figure's size, so
 * {@code \includegraphics} places it at its true size. Text uses the standard Helvetica, which every
 * PDF reader has: nothing is embedded, and characters outside its encoding print as '?'.
 */
public final class FigurePdf {
    private static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private FigurePdf() {
    }

    public static byte[] of(Figure f) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle((float) f.width(), (float) f.height()));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                for (Figure.Mark m : f.marks()) draw(cs, m, f.height());
            }
            doc.getDocumentInformation().setCreator("TERACON Workbench");
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF", e);
        }
    }

    /** PDF's y axis points up: every y is flipped against the page height {@code h}. */
    private static void draw(PDPageContentStream cs, Figure.Mark m, double h) throws IOException {
        if (m instanceof Figure.Rect r) {
            cs.addRect((float) r.x(), (float) (h - r.y() - r.h()), (float) r.w(), (float) r.h());
            if (r.fill() != null && r.stroke() != null) {
                cs.setNonStrokingColor(Color.decode(r.fill()));
                cs.setStrokingColor(Color.decode(r.stroke()));
                cs.setLineWidth(0.5f);
                cs.fillAndStroke();
            } else if (r.fill() != null) {
                cs.setNonStrokingColor(Color.decode(r.fill()));
                cs.fill();
            } else {
                cs.setStrokingColor(Color.decode(r.stroke() == null ? "#000000" : r.stroke()));
                cs.setLineWidth(0.5f);
                cs.stroke();
            }
        } else if (m instanceof Figure.Line l) {
            cs.setStrokingColor(Color.decode(l.stroke()));
            cs.setLineWidth((float) l.width());
            cs.moveTo((float) l.x1(), (float) (h - l.y1()));
            cs.lineTo((float) l.x2(), (float) (h - l.y2()));
            cs.stroke();
        } else if (m instanceof Figure.Polyline p) {
            polyline(cs, p, h);
        } else if (m instanceof Figure.Text t) {
            text(cs, t, h);
        }
    }

    private static void polyline(PDPageContentStream cs, Figure.Polyline p, double h) throws IOException {
        cs.setStrokingColor(Color.decode(p.stroke()));
        cs.setLineWidth((float) p.width());
        boolean pen = false, any = false;
        for (int i = 0; i < p.xs().length; i++) {
            if (!Double.isFinite(p.xs()[i]) || !Double.isFinite(p.ys()[i])) {
                pen = false;
                continue;
            }
            if (pen) cs.lineTo((float) p.xs()[i], (float) (h - p.ys()[i]));
            else cs.moveTo((float) p.xs()[i], (float) (h - p.ys()[i]));
            pen = any = true;
        }
        if (any) cs.stroke();
    }

    private static void text(PDPageContentStream cs, Figure.Text t, double h) throws IOException {
        PDType1Font font = t.bold() ? BOLD : FONT;
        String s = encodable(font, t.text());
        double width = font.getStringWidth(s) / 1000 * t.size();
        double dx = switch (t.anchor()) {
            case START -> 0;
            case MIDDLE -> -width / 2;
            case END -> -width;
        };
        cs.beginText();
        cs.setFont(font, (float) t.size());
        cs.setNonStrokingColor(Color.decode(t.fill()));
        // rotate about the anchor point; clockwise on the page is a negative angle in PDF's y-up space
        Matrix at = Matrix.getRotateInstance(Math.toRadians(-t.angle()), (float) t.x(), (float) (h - t.y()));
        at.translate((float) dx, 0);
        cs.setTextMatrix(at);
        cs.showText(s);
        cs.endText();
    }

    /** Helvetica's WinAnsi encoding lacks ρ, − and the like: such characters become '?' rather than failing the export. */
    static String encodable(PDType1Font font, String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                b.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                b.append(cp == 0x2212 ? "-" : "?");
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }
}
