package org.teracon.workbench.ui.vm;

import org.teracon.workbench.method.params.ParamException;
import org.teracon.workbench.method.params.ParamSpec;
import org.teracon.workbench.method.params.ParamValues;

/**
 * A form field made from a method parameter's spec: the spec's label, its parser and range as the
 * field's validation, its help as the tooltip. Every kind is edited as text (a check box writes
 * "true"/"false", a choice box the constant's name), so one FormField type serves them all.
 */
public record ParamField<T>(ParamSpec<T> spec, FormField<T> field) {

    static <T> ParamField<T> of(ParamSpec<T> spec) {
        return new ParamField<>(spec, new FormField<>(spec.label(), text -> {
            try {
                return spec.parse(text);
            } catch (ParamException e) {
                // the form puts its own label in front; the reason is the part to add
                throw new IllegalArgumentException(e.reason());
            }
        }));
    }

    /** A node id from the key: teracon.sMax becomes teraconSMaxField (dots would read as CSS classes). */
    public String id() {
        StringBuilder b = new StringBuilder();
        for (String part : spec.key().split("\\.")) {
            b.append(b.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return b.append("Field").toString();
    }

    public String tooltip() {
        return spec.help() + " (" + spec.expected() + "; default " + spec.format(spec.defaultValue()) + ")";
    }

    void show(ParamValues values) {
        field.setText(spec.format(values.get(spec)));
    }

    /** {@code values} with this field's value; only call when the field is valid. */
    ParamValues addTo(ParamValues values) {
        return values.with(spec, field.value());
    }
}
