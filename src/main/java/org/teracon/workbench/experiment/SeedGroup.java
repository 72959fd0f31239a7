package org.teracon.workbench.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One experiment over several seeds: its runs one after another into {@code <dir>/seed-<s>/} (each an
 * ordinary run folder), then the group's own files beside them: {@value #GROUP_JSON} (the seeds and each
 * run's status), the accuracy matrix and the transfer table as mean, std (n−1) and n per cell, and a
 * Markdown summary with every cell as mean ± std (n). Only completed runs are aggregated.
 */
public final class SeedGroup {
    public static final String GROUP_JSON = "group.json";
    public static final String MATRIX = "accuracy_matrix_mean_std.csv";
    public static final String TRANSFER = "transfer_mean_std.csv";
    public static final String SUMMARY = "summary.md";

    /** Trains one member of the group (the CLI and the window each pass their own way of running). */
    public interface OneRun {
        RunResult run(int index, long seed, ExperimentConfig config, Path dir);
    }

    /** group.json's entry for one seed; status NOT_RUN after a cancel. */
    public record Member(long seed, String folder, String status, String runId, String message) {
    }

    /** group.json. */
    public record GroupFile(List<Long> seeds, int completed, String std, List<Member> runs) {
    }

    private final List<Long> seeds;
    private final List<RunResult> results;

    /** @param results per seed in order; shorter than seeds when the group was cancelled */
    public SeedGroup(List<Long> seeds, List<RunResult> results) {
        this.seeds = List.copyOf(seeds);
        this.results = new ArrayList<>(results);
    }

    public static SeedGroup run(ExperimentConfig config, SeedList seeds, Path dir, CancellationToken cancel, OneRun one) {
        List<RunResult> results = new ArrayList<>();
        for (int k = 0; k < seeds.size(); k++) {
            if (cancel.isCancelled()) break;
            long s = seeds.seeds().get(k);
            RunResult r = one.run(k, s, config.withSeed(s), dir.resolve(SeedList.folder(s)));
            results.add(r);
            new SeedGroup(seeds.seeds(), results).writeGroupFile(dir);
            if (r.status() == RunStatus.CANCELLED) break;
        }
        SeedGroup g = new SeedGroup(seeds.seeds(), results);
        g.write(dir);
        return g;
    }

    public List<Long> seeds() {
        return seeds;
    }

    public List<RunResult> results() {
        return List.copyOf(results);
    }

    public int completed() {
        return (int) results.stream().filter(r -> r.status() == RunStatus.COMPLETED).count();
    }

    public boolean allCompleted() {
        return completed() == seeds.size();
    }

    private List<RunResult> completedOrNull() {
        List<RunResult> out = new ArrayList<>();
        for (int k = 0; k < seeds.size(); k++) {
            RunResult r = k < results.size() ? results.get(k) : null;
            out.add(r != null && r.status() == RunStatus.COMPLETED && r.matrix() != null ? r : null);
        }
        return out;
    }

    /** R(T_j, T_i) over the completed seeds: rows "after T_j", columns "T_i (metric)". */
    public SeedTable matrix() {
        List<ResultTable> tables = new ArrayList<>();
        for (RunResult r : completedOrNull()) {
            if (r == null) {
                tables.add(null);
                continue;
            }
            AccuracyMatrix m = r.matrix();
            List<String> cols = new ArrayList<>();
            for (int i = 0; i < m.size(); i++) cols.add(m.tasks().get(i) + " (" + m.metrics().get(i) + ")");
            ResultTable.Builder b = new ResultTable.Builder("accuracy matrix", "after_task", cols);
            for (int j = 0; j < m.size(); j++) b.row(m.tasks().get(j), m.values()[j]);
            tables.add(b.build());
        }
        return SeedTable.of(seeds, tables);
    }

    /** The transfer table (R(Ti,Ti), R(TM,Ti), BWT, single-task R, FWT) over the completed seeds. */
    public SeedTable transfer() {
        List<ResultTable> tables = new ArrayList<>();
        for (RunResult r : completedOrNull()) {
            if (r == null) {
                tables.add(null);
                continue;
            }
            ResultTable.Builder b = new ResultTable.Builder("transfer", "task",
                    PaperTables.TRANSFER_COLUMNS);
            for (TransferScores.Row row : r.transfer()) {
                b.row(row.task() + " (" + row.metric() + ")", row.learned(), row.last(), row.bwt(), row.reference(), row.fwt());
            }
            tables.add(b.build());
        }
        return SeedTable.of(seeds, tables);
    }

    public GroupFile groupFile() {
        List<Member> members = new ArrayList<>();
        for (int k = 0; k < seeds.size(); k++) {
            RunResult r = k < results.size() ? results.get(k) : null;
            members.add(new Member(seeds.get(k), SeedList.folder(seeds.get(k)), r == null ? "NOT_RUN" : r.status().name(),
                    r == null ? "" : r.runId(), r == null ? "" : r.message()));
        }
        return new GroupFile(seeds, completed(), "sample standard deviation (n-1)", members);
    }

    private void writeGroupFile(Path dir) {
        AtomicFiles.writeString(dir.resolve(GROUP_JSON), Json.write(groupFile()));
    }

    /** group.json always; the aggregated tables once at least one seed completed. */
    public void write(Path dir) {
        writeGroupFile(dir);
        if (completed() == 0) return;
        SeedTable m = matrix();
        SeedTable t = transfer();
        AtomicFiles.writeString(dir.resolve(MATRIX), m.csv());
        AtomicFiles.writeString(dir.resolve(TRANSFER), t.csv());
        AtomicFiles.writeString(dir.resolve(SUMMARY), summary(m, t));
    }

    public String summary() {
        return completed() == 0 ? "no seed completed\n" : summary(matrix(), transfer());
    }

    private String summary(SeedTable m, SeedTable t) {
        return "Seed group " + seeds + ": " + completed() + " of " + seeds.size() + " runs completed\n\n"
                + "R(T_j, T_i), score on T_i (column) after learning T_j (row)\n\n" + m.markdown()
                + "\nTransfer (BWT, FWT in %)\n\n" + t.markdown();
    }
}
