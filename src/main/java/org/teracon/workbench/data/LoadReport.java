package org.teracon.workbench.data;

import java.util.List;
import java.util.Map;

/**
 * What a loader or importer did besides the happy path: counts of skipped or remapped records by
 * reason (e.g. "task2.csv: users absent from T1" -> 3) and human-readable warnings.
 */
public record LoadReport(Map<String, Integer> counts, List<String> warnings) {

    public LoadReport {
        counts = Map.copyOf(counts);
        warnings = List.copyOf(warnings);
    }

    public static LoadReport empty() {
        return new LoadReport(Map.of(), List.of());
    }
}
