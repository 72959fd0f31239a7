package org.teracon.workbench.method.params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Method parameter values, each set through its {@link ParamSpec} and so already checked. Only values
 * that differ from their spec's default are kept: two ParamValues are equal exactly when every
 * parameter has the same effective value, whether a default was written out or left implicit.
 */
public final class ParamValues {
    private static final ParamValues NONE = new ParamValues(Map.of());
    private final Map<String, Value<?>> values;

    /** A value with the spec it was checked against (the spec also turns it back into JSON or text). */
    public record Value<T>(ParamSpec<T> spec, T value) {
    }

    private ParamValues(Map<String, Value<?>> values) {
        this.values = values;
    }

    /** Every parameter at its default. */
    public static ParamValues none() {
        return NONE;
    }

    public <T> ParamValues with(ParamSpec<T> spec, T value) {
        spec.check(value);
        Value<?> old = values.get(spec.key());
        if (old != null && !old.spec().equals(spec)) throw new IllegalArgumentException("two parameters named " + spec.key());
        Map<String, Value<?>> m = new LinkedHashMap<>(values);
        if (value.equals(spec.defaultValue())) m.remove(spec.key());
        else m.put(spec.key(), new Value<>(spec, value));
        return new ParamValues(Collections.unmodifiableMap(m));
    }

    /** These values, overridden by every value set in {@code other}. */
    public ParamValues withAll(ParamValues other) {
        ParamValues r = this;
        for (Value<?> s : other.values.values()) r = r.withValue(s);
        return r;
    }

    private <T> ParamValues withValue(Value<T> s) {
        return with(s.spec(), s.value());
    }

    /** The value set for {@code spec}, or its default. */
    public <T> T get(ParamSpec<T> spec) {
        Value<?> s = values.get(spec.key());
        return s == null ? spec.defaultValue() : spec.type().cast(s.value());
    }

    public boolean isSet(ParamSpec<?> spec) {
        return values.containsKey(spec.key());
    }

    /** The values that differ from their defaults, by key, in the order they were set. */
    public Map<String, Value<?>> set() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamValues p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        values.values().forEach(s -> b.append(b.length() > 1 ? ", " : "").append(s.spec().key()).append('=').append(format(s)));
        return b.append('}').toString();
    }

    private static <T> String format(Value<T> s) {
        return s.spec().format(s.value());
    }
}
