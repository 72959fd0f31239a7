package org.teracon.workbench.model;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma & Ba) on named arrays, updated in place. Written over ND4J array ops rather than ND4J's
 * GradientUpdater because that API expects DL4J's flattened parameter view, while methods here edit
 * gradients per named parameter (CONURE's free-weight masks, HAT's compensation) before each step.
 */
public final class AdamOptimizer {
    private final double learningRate;
    private final double beta1 = 0.9;
    private final double beta2 = 0.999;
    private final double epsilon = 1e-8;
    private final Map<String, INDArray> firstMoment = new HashMap<>();
    private final Map<String, INDArray> secondMoment = new HashMap<>();
    private final Map<String, Integer> steps = new HashMap<>();

    public AdamOptimizer(double learningRate) {
        this.learningRate = learningRate;
    }

    public void step(String name, INDArray param, INDArray gradient) {
        INDArray m = firstMoment.computeIfAbsent(name, k -> param.ulike().assign(0));
        INDArray v = secondMoment.computeIfAbsent(name, k -> param.ulike().assign(0));
        int t = steps.merge(name, 1, Integer::sum);
        INDArray g = gradient.reshape(param.shape());
        m.muli(beta1).addi(g.mul(1 - beta1));
        v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
        double mHatScale = 1.0 / (1 - Math.pow(beta1, t));
        double vHatScale = 1.0 / (1 - Math.pow(beta2, t));
        INDArray denom = Transforms.sqrt(v.mul(vHatScale), false).addi(epsilon);
        param.subi(m.mul(mHatScale * learningRate).divi(denom));
    }
}
