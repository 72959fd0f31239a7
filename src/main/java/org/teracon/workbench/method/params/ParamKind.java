package org.teracon.workbench.method.params;

/** The value types a method parameter can have; the kind decides how text and JSON values are read. */
public enum ParamKind {
    DOUBLE, INT, BOOLEAN, ENUM
}
