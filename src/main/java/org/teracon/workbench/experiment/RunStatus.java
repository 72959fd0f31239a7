package org.teracon.workbench.experiment;

public enum RunStatus {
    RUNNING, COMPLETED, CANCELLED, FAILED
}
