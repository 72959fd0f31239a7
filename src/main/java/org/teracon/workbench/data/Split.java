package org.teracon.workbench.data;

/** Instance indices of one task for training, validation (early stopping) and test. */
public record Split(int[] train, int[] validation, int[] test) implements java.io.Serializable {
}
