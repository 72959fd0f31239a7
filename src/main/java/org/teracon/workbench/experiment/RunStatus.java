package org.teracon.workbench.experiment;

public enum RunStatus {
    RUNNING, COMPLETED, CANCELLED, FAILED,
    /** Training stopped: too many steps had a non-finite loss (see the message for stage, epoch and settings). */
    DIVERGED
}
