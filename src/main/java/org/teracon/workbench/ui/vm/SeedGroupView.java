package org.teracon.workbench.ui.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.teracon.workbench.app.WorkbenchEngine;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.RunEvent;
import org.teracon.workbench.experiment.SeedList;
import org.teracon.workbench.experiment.RunListener;
import org.teracon.workbench.experiment.SeedGroup;
import org.teracon.workbench.experiment.SeedStats;
import org.teracon.workbench.experiment.SeedTable;
import org.teracon.workbench.experiment.TransferScores;

/**
 * How the run views show a seed group: each cell as mean ± std (n) over the completed seeds (sample
 * std, n−1), and progress that spans every seed of the group.
 */
public final class SeedGroupView {
    private SeedGroupView() {
    }

    /**
     * Runs the seeds in turn into {@code dir/seed-<s>/} through the window's engine, then writes the group's
     * tables beside them; {@code seedLabel} hears "Seed 42 (1/3)" before each seed's events.
     */
    public static SeedGroup run(WorkbenchEngine engine, ExperimentConfig cfg, SeedList seeds, Path dir, RunListener listener,
                                CancellationToken cancel, Consumer<String> seedLabel) {
        return SeedGroup.run(cfg, seeds, dir, cancel, (k, seed, c, d) -> {
            seedLabel.accept("Seed " + seed + " (" + (k + 1) + "/" + seeds.size() + ")");
            return engine.run(c, d, spanning(listener, k, seeds.size()), cancel);
        });
    }

    /** The accuracy matrix rows, "after T_j", cells mean ± std (n). */
    public static List<MatrixRow> matrixRows(SeedGroup g) {
        SeedTable t = g.matrix();
        List<MatrixRow> rows = new ArrayList<>();
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) cells.add(t.cell(r, c).format());
            rows.add(new MatrixRow("after " + t.rows().get(r), cells));
        }
        return rows;
    }

    /** One cell of the transfer table over the group's completed seeds: the same task's value in each. */
    public static String transferCell(SeedGroup g, TransferScores.Row row, ToDoubleFunction<TransferScores.Row> value, boolean percent) {
        double[] v = g.results().stream().filter(r -> r.status() == org.teracon.workbench.experiment.RunStatus.COMPLETED && r.transfer() != null)
                .flatMap(r -> r.transfer().stream()).filter(x -> x.task().equals(row.task())).mapToDouble(value).toArray();
        SeedStats.Summary s = SeedStats.summary(v);
        if (!percent || s.n() == 0) return s.format();
        return String.format(Locale.ROOT, "%+.2f%% ± %s (%d)", s.mean(), Double.isNaN(s.std()) ? "–" : String.format(Locale.ROOT, "%.2f", s.std()), s.n());
    }

    /**
     * The k-th of n seeds' listener: overall progress becomes (k + f) / n, and the ETA adds the remaining
     * seeds at this run's pace (an estimate, as the run's own ETA is an upper bound).
     */
    public static RunListener spanning(RunListener target, int k, int n) {
        return e -> {
            if (e instanceof RunEvent.BatchProgress b) {
                double f = b.overallFraction();
                double eta = b.etaSeconds();
                double rest = Double.isNaN(eta) || f >= 1 ? Double.NaN : eta + (n - k - 1) * eta / Math.max(1e-9, 1 - f);
                target.onEvent(new RunEvent.BatchProgress(b.stage(), b.epoch(), b.batch(), b.batches(), b.losses(),
                        (k + Math.max(0, Math.min(1, f))) / n, k == n - 1 ? eta : rest));
            } else {
                target.onEvent(e);
            }
        };
    }
}
