package org.teracon.workbench.ui.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A figure as a list of vector marks in points (1/72 in), origin top left: what {@link PaperFigures}
 * lays out once and {@link FigureSvg} and {@link FigurePdf} both draw, so the SVG and the PDF of a
 * figure are the same picture. Colours are "#rrggbb" (null: none).
 */
public record Figure(double width, double height, List<Mark> marks) {
    /** Two-column paper: one column is 3.5 in wide. */
    public static final double COLUMN_WIDTH = 3.5 * 72;
    public static final double COLUMN_HEIGHT = 2.4 * 72;

    public Figure {
        marks = List.copyOf(marks);
    }

    public enum Anchor { START, MIDDLE, END }

    public sealed interface Mark permits Rect, Line, Polyline, Text {
    }

    public record Rect(double x, double y, double w, double h, String fill, String stroke) implements Mark {
    }

    public record Line(double x1, double y1, double x2, double y2, String stroke, double width) implements Mark {
    }

    /** NaN points are left out (the line jumps over them). */
    public record Polyline(double[] xs, double[] ys, String stroke, double width) implements Mark {
    }

    /** {@code angle}: degrees clockwise on the page, about (x, y); y is the text's baseline. */
    public record Text(double x, double y, String text, double size, Anchor anchor, boolean bold, double angle, String fill) implements Mark {
    }

    /** Collects marks in drawing order. */
    static final class Builder {
        private final List<Mark> marks = new ArrayList<>();

        Builder add(Mark m) {
            marks.add(m);
            return this;
        }

        Builder text(double x, double y, String s, double size, Anchor a) {
            return add(new Text(x, y, s, size, a, false, 0, "#000000"));
        }

        Figure build(double w, double h) {
            return new Figure(w, h, marks);
        }
    }
}
