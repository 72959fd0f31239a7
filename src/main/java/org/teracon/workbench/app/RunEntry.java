package org.teracon.workbench.app;

import java.nio.file.Path;
import java.util.List;
import org.teracon.workbench.experiment.RunStatus;

/**
 * One run folder as the history lists it.
 *
 * @param study     the study (or seed group) folder the run belongs to, "" for a run of its own
 * @param settings  the method's key settings in a few words (e.g. "s=0.5 α=1 c=0.1")
 * @param meanFinal mean of the last row of the accuracy matrix (NaN when there is none)
 * @param meanBwt   mean BWT over every task but the last (NaN when undefined)
 * @param seconds   the run's wall time (NaN while unknown)
 */
public record RunEntry(Path dir, String runId, String method, RunStatus status, String dataset, String startedAt,
                       String name, List<String> tags, String study, List<String> order, String settings,
                       double meanFinal, double meanBwt, double seconds) {

    public String label() {
        return runId + " · " + method + " · " + status;
    }

    /** True when every word of {@code query} occurs in the name, a tag, the method, the dataset or the study. */
    public boolean matches(String query) {
        if (query == null || query.isBlank()) return true;
        String hay = String.join(" ", name, String.join(" ", tags), method, dataset == null ? "" : dataset, study, runId).toLowerCase();
        for (String w : query.toLowerCase().split("\\s+")) if (!w.isEmpty() && !hay.contains(w)) return false;
        return true;
    }
}
