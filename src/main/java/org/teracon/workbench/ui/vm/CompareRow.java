package org.teracon.workbench.ui.vm;

import java.util.List;

/** One task of a run comparison: its value in each run, and the difference of each run to the first. */
public record CompareRow(String task, String metric, List<Double> values, List<Double> differences) {
    public CompareRow {
        values = List.copyOf(values);
        differences = List.copyOf(differences);
    }
}
