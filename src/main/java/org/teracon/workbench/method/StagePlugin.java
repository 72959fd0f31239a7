package org.teracon.workbench.method;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.model.TcnEngine;

/**
 * What a method adds to the one training step of {@link TrainingCore} (Avalanche's strategy plugins,
 * by composition): per-batch state and extra stacked sequences, backbone hooks, loss terms, gradient
 * work after backward, and clean-up after the update or the epoch. Every hook defaults to nothing.
 */
public interface StagePlugin {

    /** Before the forward pass: set the sharpness and the hooks, stack extra sequence groups. */
    default void beforeForward(StepContext step) {
    }

    /**
     * Right after the forward pass, before the task's own loss: may start loss work that runs beside it
     * on the worker lane, writing only rows of {@code dHidden} that the task's loss leaves alone;
     * {@link #addLosses} collects it.
     */
    default void afterForward(StepContext step, TcnEngine.Pass pass, INDArray dHidden) {
    }

    /**
     * Adds loss terms over the forward pass: their value into {@code step.loss(...)} (already weighted
     * as they enter the total) and their gradient into {@code dHidden} and {@code gradients}.
     */
    default void addLosses(StepContext step, TcnEngine.Pass pass, INDArray dHidden, Gradients gradients) {
    }

    /** After the backbone's backward pass: gradients of the plugin's own parameters, gradient edits. */
    default void afterBackward(StepContext step, Gradients gradients) {
    }

    /** After the optimiser step (clamps, restoring frozen values, sampling-rate updates). */
    default void afterUpdate(StepContext step) {
    }

    /** After each epoch's validation. */
    default void afterEpoch(int epoch) {
    }

    /** When the stage ends, normally or not: stop any work the plugin runs beside the steps. */
    default void afterStage() {
    }

    /**
     * What the plugin carries from one epoch into the next (TERACON's sampling rates), as a copy for an
     * epoch checkpoint; null when it carries nothing (state rebuilt every step, or fixed at the stage start).
     */
    default java.io.Serializable state() {
        return null;
    }

    /** Puts back what {@link #state()} returned when a run resumes. */
    default void restore(java.io.Serializable state) {
    }
}
