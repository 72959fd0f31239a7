package org.teracon.workbench.ui.view;

import javafx.scene.paint.Color;

/** Viridis-like sequential scale: perceptually ordered and readable in grey-scale print. */
public final class ColorScale {
    private static final Color[] STOPS = {
            Color.web("#440154"), Color.web("#3b528b"), Color.web("#21918c"), Color.web("#5ec962"), Color.web("#fde725")};

    private ColorScale() {
    }

    /** @param f position in [0, 1] */
    public static Color at(double f) {
        double x = Math.max(0, Math.min(1, Double.isNaN(f) ? 0 : f)) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(x));
        return STOPS[i].interpolate(STOPS[i + 1], x - i);
    }

    private static final Color[] DIVERGING = {Color.web("#b2182b"), Color.web("#f7f7f7"), Color.web("#2166ac")};

    /** Red (0, most negative) through white (0.5, zero) to blue (1, most positive); readable by red-green colour-blind users. */
    public static Color diverging(double f) {
        double x = Math.max(0, Math.min(1, Double.isNaN(f) ? 0.5 : f)) * 2;
        int i = Math.min(1, (int) Math.floor(x));
        return DIVERGING[i].interpolate(DIVERGING[i + 1], x - i);
    }

    /** Black text on the bright end, white on the dark end. */
    public static Color textOn(double f) {
        return f > 0.55 ? Color.BLACK : Color.WHITE;
    }

    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
