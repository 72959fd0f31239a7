package org.teracon.workbench.ui.vm;

import java.util.List;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.TransferScores;

/**
 * How the BWT/FWT table says what its numbers stand on: the last task's BWT is undefined (nothing was
 * learned after it), a BWT over fewer than {@link #FEW_USERS} test users is marked with a dagger, and a
 * blank FWT says why it is blank.
 */
public final class TransferCells {
    public static final int FEW_USERS = 20;
    public static final String UNDEFINED = "–";
    public static final String DAGGER = "†";
    public static final String NO_REFERENCE = "no reference";
    public static final String FOOTNOTE = "– BWT of the last task: undefined, no task came after it.   "
            + DAGGER + " few test users (fewer than " + FEW_USERS + "): the BWT is mostly noise.";
    public static final String NO_REFERENCE_HELP = "FWT is blank: no SinMo reference for this setting (same data, order, "
            + "backbone, schedule and seed). Train SinMo reference (above) runs it and reopens this run with FWT; "
            + "the window never starts that training unasked.";

    private TransferCells() {
    }

    /** True for the last task of the table: its BWT compares R(T_M, T_M) with itself. */
    public static boolean isLast(List<TransferScores.Row> rows, TransferScores.Row row) {
        return !rows.isEmpty() && rows.get(rows.size() - 1) == row;
    }

    /** Test users of the row's task in {@code result}, -1 when unknown (a live run, an older run folder). */
    public static int testUsers(RunResult result, TransferScores.Row row) {
        return result == null ? -1 : result.testUsers(row.task());
    }

    public static String users(int n) {
        return n < 0 ? "" : Integer.toString(n);
    }

    public static String bwt(String formatted, boolean last, int users) {
        if (last) return UNDEFINED;
        return users >= 0 && users < FEW_USERS ? formatted + " " + DAGGER : formatted;
    }

    public static String fwt(String formatted, double value) {
        return Double.isNaN(value) ? NO_REFERENCE : formatted;
    }
}
