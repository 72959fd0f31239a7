package org.teracon.workbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Plain stochastic gradient descent, θ −= lr·g, as PyTorch's {@code torch.optim.SGD} without momentum or
 * weight decay (HAT's hat.py). The learning rate may be lowered between epochs (a plateau schedule);
 * there is no state, so that equals hat.py's re-created optimiser.
 */
public final class SgdOptimizer implements Optimizer {
    private double learningRate;

    public SgdOptimizer(double learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    public void learningRate(double lr) {
        this.learningRate = lr;
    }

    /** The learning rate, which a plateau schedule may have lowered. */
    @Override
    public java.io.Serializable state() {
        return learningRate;
    }

    @Override
    public void restore(java.io.Serializable state) {
        learningRate = (Double) state;
    }

    @Override
    public void step(String name, INDArray param, INDArray gradient) {
        INDArray g = java.util.Arrays.equals(gradient.shape(), param.shape()) ? gradient : gradient.reshape(param.shape());
        param.subi(g.mul(learningRate));
    }
}
