package org.teracon.workbench.app;

import java.nio.file.Path;
import java.util.Map;
import org.teracon.workbench.data.PlantedRelationsGenerator;
import org.teracon.workbench.experiment.RelationsStudy;
import org.teracon.workbench.experiment.ResultTable;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.SeedList;
import org.teracon.workbench.experiment.SeedTable;
import org.teracon.workbench.experiment.Studies;

/**
 * A finished (or cancelled) study: where its runs are, their results and the paper-style table.
 *
 * @param table      null when the runs cannot fill it (cancelled, or a run failed); tableError says why. Over
 *                   several seeds: each cell's mean over the seeds
 * @param seedTable  over several seeds, every cell as its per-seed values (mean ± std (n)); null for one seed
 */
public record StudyOutcome(StudyRequest request, Path folder, int planned, Map<String, RunResult> results,
                           ResultTable table, String tableError, SeedTable seedTable) {

    public StudyOutcome {
        // Keep the batch's order: the table and the history list runs as they ran.
        results = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(results));
    }

    public StudyOutcome(StudyRequest request, Path folder, int planned, Map<String, RunResult> results, ResultTable table,
                        String tableError) {
        this(request, folder, planned, results, table, tableError, null);
    }

    /** A study over several seeds as one outcome: its runs by "seed-<s>/<label>", the means and the seed table. */
    static StudyOutcome ofSeeds(StudyRequest request, Path folder, SeedRuns.StudyGroupOutcome group) {
        Map<String, RunResult> results = new java.util.LinkedHashMap<>();
        for (int k = 0; k < group.perSeed().size(); k++) {
            String prefix = SeedList.folder(group.seeds().get(k)) + "/";
            group.perSeed().get(k).results().forEach((label, r) -> results.put(prefix + label, r));
        }
        int planned = request.plan().size() * group.seeds().size();
        SeedTable t = group.table();
        return new StudyOutcome(request, folder, planned, results, t == null ? null : means(t), group.tableError(), t);
    }

    private static ResultTable means(SeedTable t) {
        double[][] v = new double[t.rows().size()][t.columns().size()];
        for (int r = 0; r < v.length; r++) {
            for (int c = 0; c < v[r].length; c++) v[r][c] = t.cell(r, c).mean();
        }
        return new ResultTable(t.title(), t.rowHeader(), t.rows(), t.columns(), v);
    }

    static StudyOutcome of(StudyRequest request, Path folder, int planned, Map<String, RunResult> results) {
        boolean complete = results.size() == planned
                && results.values().stream().allMatch(r -> r.status() == RunStatus.COMPLETED);
        if (!complete) {
            return new StudyOutcome(request, folder, planned, results, null,
                    "no table: " + results.values().stream().filter(r -> r.status() == RunStatus.COMPLETED).count()
                            + " of " + planned + " runs completed");
        }
        try {
            return new StudyOutcome(request, folder, planned, results, table(request, results), "");
        } catch (RuntimeException e) {
            return new StudyOutcome(request, folder, planned, results, null, "cannot build the table: " + e.getMessage());
        }
    }

    private static ResultTable table(StudyRequest request, Map<String, RunResult> results) {
        return switch (request.kind()) {
            case ORDER -> Studies.orderTable(results);
            case NOISY -> Studies.noisyTable(results.get("without-noise"), results.get("with-noise"));
            case SAMPLING -> Studies.samplingTable(results);
            case RELATIONS -> RelationsStudy.table(results,
                    PlantedRelationsGenerator.readRelations(RelationsStudy.relationsFile(request.base().dataset())));
        };
    }

    public boolean cancelled() {
        return results.values().stream().anyMatch(r -> r.status() == RunStatus.CANCELLED) || results.size() < planned && failedRuns() == 0;
    }

    public int failedRuns() {
        return (int) results.values().stream().filter(r -> r.status() == RunStatus.FAILED).count();
    }

    /** One line for the status bar and the studies tab. */
    public String summary() {
        String head = request.name().substring(0, 1).toUpperCase() + request.name().substring(1);
        if (table != null) return head + " finished: " + planned + " runs in " + folder;
        String failures = results.values().stream().filter(r -> r.status() == RunStatus.FAILED)
                .map(r -> r.runId() + " failed: " + r.message()).reduce((a, b) -> a + "; " + b).map(s -> " (" + s + ")").orElse("");
        return head + (cancelled() ? " cancelled, " : " ended, ") + tableError + failures;
    }
}
