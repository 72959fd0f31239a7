package org.teracon.workbench.experiment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetLoader;

/** The grid's runs one after another in this JVM; stops at the first cancelled run. */
public final class LocalGrid implements GridExecutor {
    public static final LocalGrid INSTANCE = new LocalGrid();

    private LocalGrid() {
    }

    @Override
    public Map<String, RunResult> execute(List<GridRun> runs, Map<String, Dataset> datasets, BatchRunner.Listener listener,
                                          CancellationToken cancel) {
        Map<String, RunResult> results = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            GridRun run = runs.get(i);
            if (cancel.isCancelled()) break;
            listener.runStarting(i, runs.size(), run.label());
            Dataset ds = datasets.computeIfAbsent(run.config().dataset(), d -> DatasetLoader.load(Path.of(d)));
            SinMoReference reference = run.referenceCache() == null ? null : new SinMoReference(run.referenceCache());
            RunResult r = new ExperimentRunner(reference).replacing(run.force())
                    .run(run.config(), ds, run.dir(), e -> listener.onEvent(run.label(), e), cancel);
            results.put(run.label(), r);
            listener.runFinished(run.label(), r);
            if (r.status() == RunStatus.CANCELLED) break;
        }
        return results;
    }
}
