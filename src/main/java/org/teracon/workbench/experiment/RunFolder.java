package org.teracon.workbench.experiment;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.teracon.workbench.method.EvaluationProtocol;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The files of one run folder, each written atomically (temp file + rename) so a crash or a cancel
 * leaves the previous complete version in place.
 */
public final class RunFolder {
    public static final String EXPERIMENT = "experiment.json";
    public static final String LOSS = "loss.csv";
    public static final String MATRIX = "accuracy_matrix.csv";
    public static final String TRANSFER = "transfer.csv";
    public static final String MASKS = "mask_similarity.csv";
    public static final String RESULTS = "results.json";

    /** One optimiser step's loss terms. */
    /** One optimiser step's losses; {@code skipped}: the step was dropped for a non-finite loss (its total is NaN or past float range). */
    public record LossRow(int stage, String task, int epoch, int step, double total, double classLoss, double kr, boolean skipped) implements java.io.Serializable {
    }

    private final Path dir;
    private final FileLayer files;

    public RunFolder(Path dir) {
        this(dir, FileLayer.ATOMIC);
    }

    /** Every file of the folder goes through {@code files} (a test's layer can fail like a full disk). */
    public RunFolder(Path dir, FileLayer files) {
        this.dir = dir;
        this.files = files;
    }

    public Path dir() {
        return dir;
    }

    public void writeExperiment(ExperimentConfig config) {
        files.writeString(dir.resolve(EXPERIMENT), Json.write(config));
    }

    public void writeResults(RunResult result) {
        files.writeString(dir.resolve(RESULTS), Json.write(result));
    }

    public void writeLoss(List<LossRow> rows) {
        Table t = Table.create("loss",
                IntColumn.create("stage", rows.stream().mapToInt(LossRow::stage).toArray()),
                StringColumn.create("task", rows.stream().map(LossRow::task).toList()),
                IntColumn.create("epoch", rows.stream().mapToInt(LossRow::epoch).toArray()),
                IntColumn.create("step", rows.stream().mapToInt(LossRow::step).toArray()),
                DoubleColumn.create("total", rows.stream().mapToDouble(LossRow::total).toArray()),
                DoubleColumn.create("class", rows.stream().mapToDouble(LossRow::classLoss).toArray()),
                DoubleColumn.create("kr", rows.stream().mapToDouble(LossRow::kr).toArray()),
                IntColumn.create("skipped", rows.stream().mapToInt(r -> r.skipped() ? 1 : 0).toArray()));
        write(LOSS, t);
    }

    /** The same {@link PaperTables} table the window's CSV… button and the report write. */
    public void writeMatrix(AccuracyMatrix m) {
        files.writeString(dir.resolve(MATRIX), PaperTables.matrix(m).csv());
    }

    /** The metric column names the protocol too ("MRR@5 (robust)"); the number columns stay numbers (NaN: empty). */
    public void writeTransfer(List<TransferScores.Row> rows, EvaluationProtocol protocol) {
        files.writeString(dir.resolve(TRANSFER), PaperTables.transfer(rows, protocol).csv());
    }

    public void writeMasks(MaskSimilarityTable s) {
        List<String> layer = new ArrayList<>();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<Double> cos = new ArrayList<>();
        int n = s.tasks().size();
        for (int k = 0; k <= s.perLayer().length; k++) {
            double[][] m = k < s.perLayer().length ? s.perLayer()[k] : s.averaged();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    layer.add(k < s.perLayer().length ? String.valueOf(k) : "mean");
                    a.add(s.tasks().get(i));
                    b.add(s.tasks().get(j));
                    cos.add(m[i][j]);
                }
            }
        }
        write(MASKS, Table.create("mask_similarity", StringColumn.create("layer", layer), StringColumn.create("task_a", a),
                StringColumn.create("task_b", b), DoubleColumn.create("cosine", cos.stream().mapToDouble(Double::doubleValue).toArray())));
    }

    public void write(String file, Table table) {
        files.writeString(dir.resolve(file), csv(table));
    }

    public static String csv(Table table) {
        StringWriter w = new StringWriter();
        table.write().csv(w);
        return w.toString();
    }

}
