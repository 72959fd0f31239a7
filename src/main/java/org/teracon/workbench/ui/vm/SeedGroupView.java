package org.teracon.workbench.ui.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.nio.file.Path;
import org.teracon.workbench.app.WorkbenchEngine;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.ExperimentConfig;
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
     * tables beside them; {@code seedStart} hears "Seed 42 (1/3)", the seed's index and the group's size
     * before each seed's events (the run view model spans progress and ETA over the group from them).
     */
    public static SeedGroup run(WorkbenchEngine engine, ExperimentConfig cfg, SeedList seeds, Path dir, RunListener listener,
                                CancellationToken cancel, SeedStart seedStart) {
        return SeedGroup.run(cfg, seeds, dir, cancel, (k, seed, c, d) -> {
            seedStart.starting("Seed " + seed + " (" + (k + 1) + "/" + seeds.size() + ")", k, seeds.size());
            return engine.run(c, d, listener, cancel);
        });
    }

    /**
     * Names the group folder and each seed's run ("name · seed 7"), so the history lists every run of the
     * group under the researcher's name; seeds that never started have no folder and get nothing.
     */
    public static void name(Path dir, SeedList seeds, org.teracon.workbench.experiment.RunInfo info) {
        info.write(dir);
        for (long s : seeds.seeds()) {
            Path d = dir.resolve(SeedList.folder(s));
            if (java.nio.file.Files.isDirectory(d)) {
                new org.teracon.workbench.experiment.RunInfo(info.name() + " · seed " + s, info.tags(), info.note()).write(d);
            }
        }
    }

    /** Hears each seed of a group before its events. */
    @FunctionalInterface
    public interface SeedStart {
        void starting(String label, int index, int total);
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

}
