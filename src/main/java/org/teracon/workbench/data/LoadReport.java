package org.teracon.workbench.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a loader or importer did besides the happy path: counts of skipped or remapped records by
 * reason (e.g. "task2.csv: users absent from T1" -> 3) and human-readable warnings.
 */
public record LoadReport(Map<String, Integer> counts, List<String> warnings) {

    public LoadReport {
        // Insertion order is kept so that reports print in the order the loader found things.
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        warnings = List.copyOf(warnings);
    }

    /** The count for a key, 0 when absent. */
    public int count(String key) {
        return counts.getOrDefault(key, 0);
    }

    public static LoadReport empty() {
        return new LoadReport(Map.of(), List.of());
    }
}
