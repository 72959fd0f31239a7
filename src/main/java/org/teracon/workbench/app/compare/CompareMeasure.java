package org.teracon.workbench.app.compare;

import java.util.function.ToDoubleFunction;
import org.teracon.workbench.experiment.TransferScores;

/** Which per-task number a comparison shows: one column of the transfer table. */
public enum CompareMeasure {
    LAST("score after the last task", TransferScores.Row::last),
    LEARNED("score right after learning the task", TransferScores.Row::learned),
    BWT("BWT %", TransferScores.Row::bwt),
    FWT("FWT %", TransferScores.Row::fwt);

    private final String label;
    private final ToDoubleFunction<TransferScores.Row> get;

    CompareMeasure(String label, ToDoubleFunction<TransferScores.Row> get) {
        this.label = label;
        this.get = get;
    }

    public double of(TransferScores.Row row) {
        return get.applyAsDouble(row);
    }

    @Override
    public String toString() {
        return label;
    }
}
