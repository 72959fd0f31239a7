package org.teracon.workbench.ui.export;

import java.util.Locale;

/** A {@link Figure} as SVG whose width and height are in inches, so a paper includes it at its true size. */
public final class FigureSvg {
    private FigureSvg() {
    }

    public static String of(Figure f, String title) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.3fin\" height=\"%.3fin\" viewBox=\"0 0 %.2f %.2f\" "
                + "font-family=\"Helvetica, Arial, sans-serif\">%n", f.width() / 72, f.height() / 72, f.width(), f.height()));
        if (title != null && !title.isBlank()) b.append("<title>").append(SvgWriter.esc(title)).append("</title>\n");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (Figure.Mark m : f.marks()) {
            if (m instanceof Figure.Rect r) {
                b.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"0.5\"/>%n",
                        r.x(), r.y(), r.w(), r.h(), r.fill() == null ? "none" : r.fill(), r.stroke() == null ? "none" : r.stroke()));
            } else if (m instanceof Figure.Line l) {
                b.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"%.2f\"/>%n",
                        l.x1(), l.y1(), l.x2(), l.y2(), l.stroke(), l.width()));
            } else if (m instanceof Figure.Polyline p) {
                StringBuilder pts = new StringBuilder();
                for (int i = 0; i < p.xs().length; i++) {
                    if (Double.isFinite(p.xs()[i]) && Double.isFinite(p.ys()[i])) pts.append(String.format(Locale.ROOT, "%.2f,%.2f ", p.xs()[i], p.ys()[i]));
                }
                b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%.2f\" points=\"%s\"/>%n",
                        p.stroke(), p.width(), pts.toString().trim()));
            } else if (m instanceof Figure.Text t) {
                String anchor = switch (t.anchor()) {
                    case START -> "start";
                    case MIDDLE -> "middle";
                    case END -> "end";
                };
                String rotate = t.angle() == 0 ? "" : String.format(Locale.ROOT, " transform=\"rotate(%.1f %.2f %.2f)\"", t.angle(), t.x(), t.y());
                b.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.1f\" text-anchor=\"%s\" fill=\"%s\"%s%s>%s</text>%n",
                        t.x(), t.y(), t.size(), anchor, t.fill(), t.bold() ? " font-weight=\"bold\"" : "", rotate, SvgWriter.esc(t.text())));
            }
        }
        return b.append("</svg>\n").toString();
    }
}
