package org.teracon.workbench.method.params;

/**
 * A parameter value or key that was refused. {@link #getMessage()} names the key and the value for the
 * CLI and file readers; {@link #reason()} is the part a form shows next to its own field label.
 */
public final class ParamException extends IllegalArgumentException {
    private final String reason;

    public ParamException(String message, String reason) {
        super(message);
        this.reason = reason;
    }

    static ParamException invalid(String key, Object value, String reason) {
        return new ParamException("invalid value '" + value + "' for " + key + ": " + reason, reason);
    }

    public String reason() {
        return reason;
    }
}
