package org.teracon.workbench.ui.vm;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A typed form field backed by the text the user types. The text is parsed on every change; a value
 * that does not parse or is out of range leaves an error message (shown next to the field) and no value.
 */
public final class FormField<T> {
    private final String label;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Function<String, T> parser;
    private T value;

    /** @param parser returns the value or throws IllegalArgumentException with the user-facing reason */
    public FormField(String label, Function<String, T> parser) {
        this.label = label;
        this.parser = parser;
        text.addListener((o, was, now) -> validate());
    }

    private void validate() {
        try {
            value = parser.apply(text.get() == null ? "" : text.get().trim());
            error.set("");
        } catch (IllegalArgumentException e) {
            value = null;
            String m = e instanceof NumberFormatException ? "not a number" : e.getMessage();
            error.set(label + ": " + m);
        }
    }

    public String label() {
        return label;
    }

    public StringProperty textProperty() {
        return text;
    }

    public void setText(String s) {
        text.set(s);
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return Bindings.createBooleanBinding(() -> error.get().isEmpty(), error);
    }

    public boolean isValid() {
        return error.get().isEmpty() && value != null;
    }

    /** The parsed value; only call when {@link #isValid()}. */
    public T value() {
        if (value == null) throw new IllegalStateException(error.get());
        return value;
    }

    // Parsers shared by the form; messages name the rule the user broke.

    public static Function<String, Integer> intAtLeast(int min) {
        return s -> {
            int v = Integer.parseInt(s);
            if (v < min) throw new IllegalArgumentException("must be ≥ " + min);
            return v;
        };
    }

    public static Function<String, Long> anyLong() {
        return Long::parseLong;
    }

    public static Function<String, Double> doubleIn(double lo, boolean loInclusive, double hi, boolean hiInclusive) {
        return s -> {
            double v = Double.parseDouble(s);
            boolean ok = !Double.isNaN(v) && (loInclusive ? v >= lo : v > lo) && (hiInclusive ? v <= hi : v < hi);
            if (!ok) {
                throw new IllegalArgumentException("must be in " + (loInclusive ? "[" : "(") + fmt(lo) + ", "
                        + fmt(hi) + (hiInclusive ? "]" : ")"));
            }
            return v;
        };
    }

    public static Function<String, java.util.List<Integer>> positiveIntList() {
        return s -> {
            if (s.isEmpty()) throw new IllegalArgumentException("give at least one value, e.g. 1,4");
            java.util.List<Integer> out = new java.util.ArrayList<>();
            for (String part : s.split("[,\\s]+")) {
                if (part.isEmpty()) continue;
                int v;
                try {
                    v = Integer.parseInt(part);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + part + "' is not a whole number");
                }
                if (v < 1) throw new IllegalArgumentException("every value must be ≥ 1");
                out.add(v);
            }
            if (out.isEmpty()) throw new IllegalArgumentException("give at least one value, e.g. 1,4");
            return out;
        };
    }

    private static String fmt(double d) {
        if (Double.isInfinite(d)) return d > 0 ? "∞" : "-∞";
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
