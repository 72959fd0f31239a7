package org.teracon.workbench.app.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the Compare view shows for some runs or seed groups against one reference unit: the
 * differing settings, the per-task table with Δ and paired tests, each other unit's accuracy-matrix
 * difference, and the epoch curves. Pure computation over loaded results (no files, no JavaFX).
 */
public record RunComparison(List<CompareUnit> units, int reference, CompareMeasure measure, List<SettingsDiff.Row> settings,
                            List<TaskComparison.Row> tasks, List<MatrixDifference> differences, List<EpochCurves> curves) {

    public RunComparison {
        units = List.copyOf(units);
        settings = List.copyOf(settings);
        tasks = List.copyOf(tasks);
        differences = List.copyOf(differences);
        curves = List.copyOf(curves);
    }

    /** @param reference index into {@code units}; every Δ is unit − reference */
    public static RunComparison of(List<CompareUnit> units, int reference, CompareMeasure measure) {
        if (units.size() < 2) throw new IllegalArgumentException("a comparison needs two or more runs or seed groups");
        if (reference < 0 || reference >= units.size()) throw new IllegalArgumentException("no unit " + reference + " to compare against");
        List<MatrixDifference> diffs = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) if (u != reference) diffs.add(MatrixDifference.of(units.get(u), units.get(reference)));
        return new RunComparison(units, reference, measure, SettingsDiff.of(units), TaskComparison.of(units, reference, measure),
                diffs, units.stream().map(EpochCurves::of).toList());
    }

    /**
     * The per-task table as numbers, for CSV and LaTeX: one column per unit (mean ± std (n) for a seed group),
     * then one Δ column per other unit against the reference. Column headers carry the measure's unit
     * ("_pct" for BWT and FWT), so the same table reads the same in every file.
     */
    public org.teracon.workbench.experiment.PaperTable table() {
        String unit = measure == CompareMeasure.BWT || measure == CompareMeasure.FWT ? " " + measure.name().toLowerCase() + "_pct" : "";
        List<org.teracon.workbench.experiment.PaperTable.Column> cols = new ArrayList<>();
        for (CompareUnit u : units) cols.add(new org.teracon.workbench.experiment.PaperTable.Column(u.label() + unit,
                org.teracon.workbench.experiment.PaperTable.Better.HIGHER));
        for (int u = 0; u < units.size(); u++) {
            if (u != reference) cols.add(new org.teracon.workbench.experiment.PaperTable.Column("delta " + units.get(u).label() + " - "
                    + referenceUnit().label() + unit, org.teracon.workbench.experiment.PaperTable.Better.NONE));
        }
        boolean seeded = units.stream().anyMatch(CompareUnit::isGroup);
        List<org.teracon.workbench.experiment.PaperTable.Row> rows = new ArrayList<>();
        for (TaskComparison.Row r : tasks) {
            List<org.teracon.workbench.experiment.SeedStats.Summary> cells = new ArrayList<>(r.values());
            for (int u = 0; u < units.size(); u++) if (u != reference) cells.add(org.teracon.workbench.experiment.PaperTable.single(r.deltas().get(u)));
            rows.add(new org.teracon.workbench.experiment.PaperTable.Row(List.of(r.task(), r.metric()), cells));
        }
        return new org.teracon.workbench.experiment.PaperTable("comparison (" + measure + ")", List.of("task", "metric"), cols, rows, seeded);
    }

    public CompareUnit referenceUnit() {
        return units.get(reference);
    }

    /** True when two or more units are seed groups, so paired tests exist. */
    public boolean hasTests() {
        return units.stream().filter(CompareUnit::isGroup).count() >= 2 && referenceUnit().isGroup();
    }
}
