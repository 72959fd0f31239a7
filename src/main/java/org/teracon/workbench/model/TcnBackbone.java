package org.teracon.workbench.model;

import java.util.Random;

/**
 * NextItNet residual blocks' parameters (the computation is {@link TcnEngine}):
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
}
