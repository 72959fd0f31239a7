package org.teracon.workbench.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accumulates a {@link LoadReport}; counts keep insertion order so reports print stably. */
final class ReportBuilder {
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    ReportBuilder count(String key, int n) {
        counts.merge(key, n, Integer::sum);
        return this;
    }

    ReportBuilder set(String key, int n) {
        counts.put(key, n);
        return this;
    }

    ReportBuilder warn(String warning) {
        warnings.add(warning);
        return this;
    }

    LoadReport build() {
        return new LoadReport(counts, warnings);
    }
}
