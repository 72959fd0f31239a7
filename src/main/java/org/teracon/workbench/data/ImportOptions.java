package org.teracon.workbench.data;

/**
 * How {@link MovieLensImporter} cuts users' histories.
 *
 * @param sequenceLength the T1 sequence is the user's most recent this-many interactions
 * @param minSequence    users with fewer interactions are skipped (and counted)
 */
public record ImportOptions(int sequenceLength, int minSequence) {

    public static final int DEFAULT_SEQUENCE_LENGTH = 30;
    public static final int DEFAULT_MIN_SEQUENCE = 5;

    public ImportOptions {
        if (sequenceLength < 1 || minSequence < 1) {
            throw new IllegalArgumentException("sequenceLength and minSequence must be positive");
        }
    }

    public static ImportOptions defaults() {
        return new ImportOptions(DEFAULT_SEQUENCE_LENGTH, DEFAULT_MIN_SEQUENCE);
    }
}
