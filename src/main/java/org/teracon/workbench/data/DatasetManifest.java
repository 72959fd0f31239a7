package org.teracon.workbench.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code dataset.json} manifest of our folder format (see docs/dataset-format.md).
 *
 * @param items optional file fixing the item vocabulary and its order; without it the vocabulary is
 *              the sequences' tokens in order of first appearance
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DatasetManifest(String format, String name, int sequenceLength, String items, List<TaskEntry> tasks) {

    static final String FORMAT = "teracon-workbench/1";

    /**
     * @param classes optional fixed class vocabulary; labels outside it are rejected
     * @param noisy   optional, true for a generated noisy task
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TaskEntry(String name, String kind, String file, List<String> classes, Boolean noisy) {
    }
}
