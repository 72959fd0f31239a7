package org.teracon.workbench.method;

import org.teracon.workbench.model.SgdOptimizer;

/**
 * hat.py's learning-rate schedule as an epoch rule: after an epoch that improves validation the patience
 * is reset; otherwise it counts down, and at zero lr is divided by {@code factor}; training stops when
 * that lr is below {@code lrMin}, else the patience restarts at the lower lr.
 */
public final class PlateauSchedule implements StageTrainer.StopRule {
    private final SgdOptimizer optimizer;
    private final double lrMin;
    private final double factor;
    private final int patience;
    private int left;

    public PlateauSchedule(SgdOptimizer optimizer, double lrMin, double factor, int patience) {
        this.optimizer = optimizer;
        this.lrMin = lrMin;
        this.factor = factor;
        this.patience = patience;
        this.left = patience;
    }

    /** The epochs of patience left (the lowered learning rate is the optimiser's own state). */
    @Override
    public java.io.Serializable state() {
        return left;
    }

    @Override
    public void restore(java.io.Serializable state) {
        left = (Integer) state;
    }

    @Override
    public boolean stop(boolean improved, int stale) {
        if (improved) {
            left = patience;
            return false;
        }
        if (--left > 0) return false;
        double lr = optimizer.learningRate() / factor;
        if (lr < lrMin) return true;
        optimizer.learningRate(lr);
        left = patience;
        return false;
    }
}
