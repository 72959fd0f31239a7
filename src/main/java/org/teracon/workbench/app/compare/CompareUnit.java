package org.teracon.workbench.app.compare;

import java.util.ArrayList;
import java.util.List;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.TransferScores;

/**
 * One column of a comparison: a single run, or a seed group (runs whose settings differ only in the
 * seed, one per seed). Statistics of a single run are its value with n = 1 and no std.
 */
public record CompareUnit(String label, List<RunResult> runs) {
    public CompareUnit {
        if (runs.isEmpty()) throw new IllegalArgumentException("a comparison unit needs a run");
        runs = List.copyOf(runs);
    }

    public static CompareUnit single(String label, RunResult run) {
        return new CompareUnit(label, List.of(run));
    }

    public boolean isGroup() {
        return runs.size() > 1;
    }

    public List<Long> seeds() {
        return runs.stream().map(r -> r.config().seed()).toList();
    }

    /** The run's transfer rows; rebuilt from the matrix when results.json holds none (a run cut short). */
    static List<TransferScores.Row> transfer(RunResult r) {
        if (r.transfer() != null && !r.transfer().isEmpty()) return r.transfer();
        return r.matrix() == null || r.matrix().lastStage() < 0 ? List.of() : TransferScores.of(r.matrix(), null);
    }

    /** Task names in the order the first run learned them, then any the other seeds add. */
    List<String> tasks() {
        List<String> out = new ArrayList<>();
        for (RunResult r : runs) {
            if (r.matrix() == null) continue;
            for (String t : r.matrix().tasks()) if (!out.contains(t)) out.add(t);
        }
        return out;
    }
}
