package org.teracon.workbench.ui.vm;

/** Time spent per task of a run: epochs done, mean seconds per epoch, wall time of the stage (training + evaluation). */
public record TimingRow(String task, int epochs, double meanEpochSeconds, double stageSeconds, double lastValidation) {
}
