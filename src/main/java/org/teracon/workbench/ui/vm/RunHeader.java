package org.teracon.workbench.ui.vm;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.TransferScores;

/**
 * The line above the run views that says which run they show: its name, method, dataset, seeds and
 * status, then how its numbers were scored. A screenshot of any view is then self-describing.
 *
 * @param name   the run's name (run-info.json, or the form's Run name); blank = the run id
 * @param seeds  "seed 1", or "seeds 1,2,3" for a group
 * @param status null before the run starts
 */
public record RunHeader(String name, String runId, ExperimentConfig config, String seeds, RunStatus status,
                        List<TransferScores.Row> transfer) {

    public static final String EMPTY = "No run yet: run an experiment (Ctrl+R) or open one from the history (Ctrl+4).";

    /** "seed 7" for one run, "seeds 1, 2, 3" for a group. */
    public static String seedsText(List<Long> seeds) {
        if (seeds == null || seeds.isEmpty()) return "";
        return (seeds.size() == 1 ? "seed " : "seeds ") + String.join(", ", seeds.stream().map(String::valueOf).toList());
    }

    /** First line: what the run is. */
    public String title() {
        if (config == null) return EMPTY;
        StringJoiner j = new StringJoiner(" · ");
        String shown = name != null && !name.isBlank() ? name : runId == null || runId.isBlank() ? "new run" : runId;
        j.add(shown);
        j.add(config.method() + " on " + datasetName(config.dataset()));
        if (seeds != null && !seeds.isBlank()) j.add(seeds);
        j.add(statusText(status));
        return j.toString();
    }

    /** Second line: how the numbers were scored, so a screenshot carries its metric and protocol. */
    public String scoring() {
        if (config == null) return "";
        String p = config.protocol().key();
        if (transfer == null || transfer.isEmpty()) return "protocol: " + p + " (MRR@5 for item tasks, accuracy for profile tasks)";
        Map<String, StringJoiner> tasksByMetric = new LinkedHashMap<>();
        for (TransferScores.Row r : transfer) tasksByMetric.computeIfAbsent(r.metric(), m -> new StringJoiner(", ")).add(r.task());
        StringJoiner j = new StringJoiner("; ");
        tasksByMetric.forEach((metric, tasks) -> j.add(metric + ": " + tasks));
        return "protocol: " + p + " — " + j;
    }

    private static String statusText(RunStatus s) {
        return s == null ? "not started" : s == RunStatus.RUNNING ? "running" : s.name().toLowerCase(Locale.ROOT);
    }

    private static String datasetName(String dataset) {
        if (dataset == null || dataset.isBlank()) return "?";
        Path p = Path.of(dataset).getFileName();
        return p == null ? dataset : p.toString();
    }
}
