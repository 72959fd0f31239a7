package org.teracon.workbench.model;

import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv1DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * NextItNet residual blocks over an embedded sequence x [B, C, L] (NCW):
 * per block, conv(d) → LayerNorm → ReLU → conv(2d) → LayerNorm → ReLU, added to the block input.
 * Causal padding keeps position t blind to positions after t.
 */
public final class TcnBackbone {
    public static final String EMBEDDING = "emb";

    private TcnBackbone() {
    }

    public static String convWeight(int block, int conv) {
        return "block" + block + ".conv" + conv + ".W";
    }

    public static String convBias(int block, int conv) {
        return "block" + block + ".conv" + conv + ".b";
    }

    public static String normGain(int block, int conv) {
        return "block" + block + ".ln" + conv + ".gain";
    }

    public static String normBias(int block, int conv) {
        return "block" + block + ".ln" + conv + ".bias";
    }

    /** Embedding row 0 is padding: it starts at zero and the optimiser never moves it. */
    public static void init(ParameterStore p, BackboneConfig cfg, int vocabularySize, Random rnd) {
        int c = cfg.channels();
        var emb = Init.normal(rnd, 1.0 / Math.sqrt(c), vocabularySize, c);
        emb.getRow(0).assign(0);
        p.put(EMBEDDING, emb);
        for (int b = 0; b < cfg.blocks(); b++) {
            for (int k = 0; k < 2; k++) {
                p.put(convWeight(b, k), Init.xavier(rnd, (long) cfg.kernelSize() * c, (long) cfg.kernelSize() * c, cfg.kernelSize(), c, c));
                p.put(convBias(b, k), Init.constant(0, c));
                p.put(normGain(b, k), Init.constant(1, c));
                p.put(normBias(b, k), Init.constant(0, c));
            }
        }
    }

    /** Hidden states [B, C, L] of the input x [B, C, L]. */
    public static SDVariable hidden(GraphVariables v, SDVariable x, BackboneConfig cfg, LayerHooks hooks) {
        SameDiff sd = v.sd();
        SDVariable h = x;
        for (int b = 0; b < cfg.blocks(); b++) {
            SDVariable branch = h;
            for (int k = 0; k < 2; k++) {
                Conv1DConfig conv = Conv1DConfig.builder().k(cfg.kernelSize()).s(1).d(cfg.dilation(b, k))
                        .paddingMode(PaddingMode.CAUSAL).dataFormat("NCW").build();
                SDVariable w = hooks.convWeight(b, k, v.get(convWeight(b, k)));
                SDVariable out = sd.cnn().conv1d(branch, w, v.get(convBias(b, k)), conv);
                out = sd.nn().layerNorm(out, v.get(normGain(b, k)), v.get(normBias(b, k)), true, 1);
                out = sd.nn().relu(out, 0);
                branch = hooks.activation(b, k, out);
            }
            h = h.add(hooks.residualBranch(b, branch));
        }
        return h;
    }
}
