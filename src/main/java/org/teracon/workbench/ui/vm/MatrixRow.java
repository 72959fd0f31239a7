package org.teracon.workbench.ui.vm;

import java.util.List;

/** A row of a task × task table (accuracy matrix, rho matrix): a row label and pre-formatted cells. */
public record MatrixRow(String label, List<String> cells) {
    public MatrixRow {
        cells = List.copyOf(cells);
    }

    public String cell(int i) {
        return i < cells.size() ? cells.get(i) : "";
    }
}
