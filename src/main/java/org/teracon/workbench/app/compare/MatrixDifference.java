package org.teracon.workbench.app.compare;

import java.util.ArrayList;
import java.util.List;
import org.teracon.workbench.experiment.AccuracyMatrix;
import org.teracon.workbench.experiment.RunResult;

/**
 * One unit's accuracy matrix minus the reference's, R(T_j, T_i) matched by task names on both axes
 * (a seed group's cells are means over its seeds). A cell is NaN where either side has no value; the
 * notes say which tasks only one side has, since those rows and columns stay blank.
 *
 * @param tasks  the union of both sides' tasks: the reference's order, then the unit's others
 * @param values values[j][i] = unit − reference for "after T_j" (row) and "on T_i" (column)
 */
public record MatrixDifference(String label, String reference, List<String> tasks, double[][] values, List<String> notes) {

    public static MatrixDifference of(CompareUnit unit, CompareUnit ref) {
        List<String> refTasks = ref.tasks();
        List<String> unitTasks = unit.tasks();
        List<String> tasks = new ArrayList<>(refTasks);
        for (String t : unitTasks) if (!tasks.contains(t)) tasks.add(t);
        List<String> notes = new ArrayList<>();
        for (String t : tasks) {
            if (!refTasks.contains(t)) notes.add(t + ": not in the reference " + ref.label());
            else if (!unitTasks.contains(t)) notes.add(t + ": not in " + unit.label());
        }
        int n = tasks.size();
        double[][] v = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                v[j][i] = mean(unit, tasks.get(j), tasks.get(i)) - mean(ref, tasks.get(j), tasks.get(i));
            }
        }
        return new MatrixDifference(unit.label(), ref.label(), tasks, v, notes);
    }

    /** Mean of R(after, on) over the unit's runs that have it; NaN when none has. */
    static double mean(CompareUnit unit, String after, String on) {
        double sum = 0;
        int n = 0;
        for (RunResult r : unit.runs()) {
            AccuracyMatrix m = r.matrix();
            if (m == null) continue;
            int j = m.tasks().indexOf(after);
            int i = m.tasks().indexOf(on);
            if (j < 0 || i < 0 || Double.isNaN(m.get(j, i))) continue;
            sum += m.get(j, i);
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
