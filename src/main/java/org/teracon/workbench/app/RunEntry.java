package org.teracon.workbench.app;

import java.nio.file.Path;
import org.teracon.workbench.experiment.RunStatus;

/** One run folder as the history lists it. */
public record RunEntry(Path dir, String runId, String method, RunStatus status, String dataset, String startedAt) {

    public String label() {
        return runId + " · " + method + " · " + status;
    }
}
