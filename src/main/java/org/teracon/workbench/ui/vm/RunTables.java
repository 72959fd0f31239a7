package org.teracon.workbench.ui.vm;

import java.util.List;
import org.teracon.workbench.experiment.AccuracyMatrix;
import org.teracon.workbench.experiment.PaperTable;
import org.teracon.workbench.experiment.PaperTable.Better;
import org.teracon.workbench.experiment.PaperTable.Column;
import org.teracon.workbench.experiment.PaperTables;
import org.teracon.workbench.experiment.SeedGroup;

/**
 * The run views' tables as numbers, for the CSV… and LaTeX… buttons and the report: the same
 * {@link PaperTables} the run folder writes (a seed group's: the group's mean, std and n files), never
 * the formatted strings the table cells show.
 */
public final class RunTables {
    private RunTables() {
    }

    /** The shown matrix, or null before the first evaluation. */
    public static PaperTable matrix(RunViewModel vm) {
        SeedGroup g = vm.groupProperty().get();
        if (g != null && g.completed() > 0) return PaperTables.of(g.matrix());
        AccuracyMatrix m = vm.matrixProperty().get();
        return m == null ? null : PaperTables.matrix(m);
    }

    public static PaperTable transfer(RunViewModel vm) {
        SeedGroup g = vm.groupProperty().get();
        if (g != null && g.completed() > 0) return PaperTables.of(g.transfer());
        AccuracyMatrix m = vm.matrixProperty().get();
        return m == null ? null : PaperTables.transfer(vm.transferRows(), m.protocol());
    }

    /** Seconds per task; an epoch count of 0 (not yet trained) is "not available", not zero. */
    public static PaperTable timing(List<TimingRow> rows) {
        PaperTable.Builder b = new PaperTable.Builder("timing", List.of("task"), List.of(new Column("epochs", Better.NONE),
                new Column("seconds_per_epoch", Better.LOWER), new Column("task_seconds", Better.LOWER), new Column("last_validation", Better.HIGHER)));
        for (TimingRow r : rows) {
            b.row(List.of(r.task()), r.epochs() == 0 ? Double.NaN : r.epochs(), r.meanEpochSeconds(), r.stageSeconds(), r.lastValidation());
        }
        return b.build();
    }

    /** One heatmap (a layer's or the averaged task-mask cosine similarity) as a task × task table. */
    public static PaperTable heatmap(HeatmapData d) {
        return PaperTables.square("mask_similarity", "task", d.labels(), d.labels(), d.values(), Better.NONE);
    }
}
