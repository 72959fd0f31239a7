package org.teracon.workbench.method.params;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One method parameter, described once: the CLI flag, the GUI field and the experiment.json key are all
 * generated from it, and every value that reaches a method has passed {@link #check}.
 *
 * @param key      the name in experiment.json and in {@code --param key=value}, e.g. {@code conure.keep}
 * @param range    numeric kinds only; {@link Range#ANY} for the others
 * @param label    the GUI field's label
 * @param help     one sentence for the GUI tooltip and the CLI help
 * @param cliFlag  a dedicated CLI option such as {@code --alpha}, or null (then only {@code --param});
 *                 a boolean's flag takes no value and sets the opposite of the default (an ablation switch)
 */
public record ParamSpec<T>(String key, ParamKind kind, Class<T> type, T defaultValue, Range range, String label,
                           String help, String cliFlag) {

    public ParamSpec {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(type);
        if (key == null || !key.matches("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*")) throw new IllegalArgumentException("bad parameter key " + key);
        if (range == null) range = Range.ANY;
        if (label == null || label.isBlank()) label = key;
        if (help == null) help = "";
        if (cliFlag != null && !cliFlag.startsWith("--")) throw new IllegalArgumentException(key + ": a flag starts with --: " + cliFlag);
        // a spec whose own default it would refuse is a programming error, caught when the class loads
        if (!type.isInstance(defaultValue) || !inRange(kind, range, defaultValue)) {
            throw new IllegalArgumentException(key + ": default " + defaultValue + " is not " + expected(kind, type, range));
        }
    }

    public static ParamSpec<Double> real(String key, double defaultValue, Range range, String label, String help) {
        return new ParamSpec<>(key, ParamKind.DOUBLE, Double.class, defaultValue, range, label, help, null);
    }

    public static ParamSpec<Integer> integer(String key, int defaultValue, Range range, String label, String help) {
        return new ParamSpec<>(key, ParamKind.INT, Integer.class, defaultValue, range, label, help, null);
    }

    public static ParamSpec<Boolean> bool(String key, boolean defaultValue, String label, String help) {
        return new ParamSpec<>(key, ParamKind.BOOLEAN, Boolean.class, defaultValue, Range.ANY, label, help, null);
    }

    public static <E extends Enum<E>> ParamSpec<E> choice(String key, Class<E> type, E defaultValue, String label, String help) {
        return new ParamSpec<>(key, ParamKind.ENUM, type, defaultValue, Range.ANY, label, help, null);
    }

    /** The same spec with a dedicated CLI option. */
    public ParamSpec<T> withCliFlag(String flag) {
        return new ParamSpec<>(key, kind, type, defaultValue, range, label, help, flag);
    }

    /** The value if this spec allows it; otherwise a ParamException naming key, value and what is allowed. */
    public T check(T value) {
        return checked(value, value);
    }

    /** @param shown the value as the user wrote it, so the message quotes "-1" and not "-1.0" */
    private T checked(T value, Object shown) {
        if (!type.isInstance(value) || !inRange(kind, range, value)) throw ParamException.invalid(key, shown, "expected " + expected());
        return value;
    }

    /** Reads a value typed by a user (CLI, form). Whole numbers only for INT; names are case-insensitive for ENUM. */
    public T parse(String text) {
        String s = text == null ? "" : text.trim();
        Object v = switch (kind) {
            case DOUBLE -> parseDouble(s);
            case INT -> parseInt(s);
            case BOOLEAN -> s.equalsIgnoreCase("true") ? Boolean.TRUE : s.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            case ENUM -> Arrays.stream(type.getEnumConstants()).filter(c -> ((Enum<?>) c).name().equalsIgnoreCase(s)).findFirst().orElse(null);
        };
        if (v == null) throw ParamException.invalid(key, s, notA() + "expected " + expected());
        return checked(type.cast(v), s);
    }

    /**
     * Reads a value as a JSON reader hands it over (Number, Boolean or String). An INT refuses 1.7 rather
     * than truncating it; 2.0 is accepted because older files wrote every parameter as a double.
     */
    public T fromJson(Object json) {
        Object v = switch (kind) {
            case DOUBLE -> json instanceof Number n ? n.doubleValue() : null;
            case INT -> json instanceof Number n && isWhole(n.doubleValue()) ? (Integer) (int) n.doubleValue() : null;
            case BOOLEAN -> json instanceof Boolean b ? b : null;
            case ENUM -> json instanceof String s ? Arrays.stream(type.getEnumConstants())
                    .filter(c -> ((Enum<?>) c).name().equalsIgnoreCase(s)).findFirst().orElse(null) : null;
        };
        if (v == null) throw ParamException.invalid(key, json, notA() + "expected " + expected());
        return checked(type.cast(v), json);
    }

    /** The value as JSON should hold it: a number, a boolean or the enum constant's name. */
    public Object toJson(T value) {
        return value instanceof Enum<?> e ? e.name() : value;
    }

    /** The value as a user would type it (no trailing ".0" on whole doubles). */
    public String format(T value) {
        return value instanceof Double d ? Range.format(d) : value instanceof Enum<?> e ? e.name() : String.valueOf(value);
    }

    /** What this spec accepts, e.g. "a number in (0, 1]" or "one of EQUATION, FIXED, ALL". */
    public String expected() {
        return expected(kind, type, range);
    }

    /** The allowed names of an ENUM spec (empty for other kinds). */
    public List<String> allowed() {
        return kind == ParamKind.ENUM ? Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList() : List.of();
    }

    private String notA() {
        return switch (kind) {
            case DOUBLE -> "not a number; ";
            case INT -> "not a whole number; ";
            default -> "";
        };
    }

    private static Double parseDouble(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isWhole(double d) {
        return d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE;
    }

    private static boolean inRange(ParamKind kind, Range range, Object value) {
        return switch (kind) {
            case DOUBLE, INT -> value instanceof Number n && range.contains(n.doubleValue());
            case BOOLEAN, ENUM -> value != null;
        };
    }

    private static String expected(ParamKind kind, Class<?> type, Range range) {
        String where = range.equals(Range.ANY) ? "" : " in " + range;
        return switch (kind) {
            case DOUBLE -> "a number" + where;
            case INT -> "a whole number" + where;
            case BOOLEAN -> "true or false";
            case ENUM -> "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        };
    }

    @Override
    public String toString() {
        return key + " (" + kind.name().toLowerCase(Locale.ROOT) + ", default " + format(defaultValue) + ")";
    }
}
