package org.teracon.workbench.experiment;

@FunctionalInterface
public interface RunListener {
    void onEvent(RunEvent event);
}
