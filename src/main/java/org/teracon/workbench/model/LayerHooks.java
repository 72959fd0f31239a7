package org.teracon.workbench.model;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Where continual-learning methods change the backbone: masks on the activations (TERACON, HAT), the
 * convolution weights (Piggyback, CONURE) and the residual branch (PeterRec adapters).
 * Layer index k = 2·block + conv.
 */
public interface LayerHooks {

    default SDVariable convWeight(int block, int conv, SDVariable weight) {
        return weight;
    }

    default SDVariable activation(int block, int conv, SDVariable activation) {
        return activation;
    }

    default SDVariable residualBranch(int block, SDVariable branch) {
        return branch;
    }

    LayerHooks NONE = new LayerHooks() {
    };
}
