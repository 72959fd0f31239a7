package org.teracon.workbench.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.teracon.workbench.experiment.AccuracyMatrix;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.RunInfo;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.TransferScores;
import org.teracon.workbench.method.catalog.MethodCatalog;
import org.teracon.workbench.method.params.ParamSpec;

/** Builds a history entry from a run folder's files: its name and tags, key settings and headline scores. */
public final class RunEntries {
    private static final int KEY_SETTINGS = 3;

    private RunEntries() {
    }

    static RunEntry of(Path dir, String runId, ExperimentConfig c, RunStatus status, String started, RunResult r) {
        RunInfo info = RunInfo.read(dir);
        String data = c.dataset() == null || c.dataset().isBlank() ? "?" : Path.of(c.dataset()).getFileName() + "";
        String name = info == null || info.name().isEmpty() ? c.method() + " " + data + " " + started : info.name();
        List<String> tags = info == null ? List.of() : info.tags();
        double meanFinal = Double.NaN;
        double meanBwt = Double.NaN;
        if (r != null && r.matrix() != null && r.matrix().lastStage() >= 0) {
            AccuracyMatrix m = r.matrix();
            double sum = 0;
            int n = 0;
            for (int i = 0; i <= m.lastStage(); i++) {
                double v = m.get(m.lastStage(), i);
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            meanFinal = n == 0 ? Double.NaN : sum / n;
            meanBwt = meanBwt(TransferScores.of(m, null));
        }
        return new RunEntry(dir, runId, c.method(), status, c.dataset(), started, name, tags, "", c.taskOrder(), settings(c),
                meanFinal, meanBwt, r == null ? Double.NaN : r.totalSeconds());
    }

    /** Mean BWT over every task but the last, whose BWT is undefined (nothing was learned after it). */
    public static double meanBwt(List<TransferScores.Row> rows) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < rows.size() - 1; i++) {
            if (!Double.isNaN(rows.get(i).bwt())) {
                sum += rows.get(i).bwt();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The method's first few parameters, "key=value". */
    static String settings(ExperimentConfig c) {
        List<String> parts = new ArrayList<>();
        try {
            for (ParamSpec<?> spec : MethodCatalog.params(c.method())) {
                if (parts.size() == KEY_SETTINGS) break;
                parts.add(spec.key() + "=" + format(c.params().get(spec)));
            }
        } catch (RuntimeException unknownMethod) {
            return "";
        }
        return String.join(" ", parts);
    }

    private static String format(Object v) {
        if (v instanceof Double d) return String.format(Locale.ROOT, "%.4g", d).replaceAll("\\.?0+$", "");
        return String.valueOf(v);
    }
}
