package org.teracon.workbench.model;

import java.util.List;

/**
 * NextItNet-style TCN: {@code dilations.size()} residual blocks; block b holds two causal convolutions
 * with dilation d_b and 2·d_b (as the reference code), each followed by layer norm and ReLU.
 */
public record BackboneConfig(int channels, int kernelSize, List<Integer> dilations) implements java.io.Serializable {

    public BackboneConfig {
        if (channels < 1) throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        if (kernelSize < 1) throw new IllegalArgumentException("kernelSize must be >= 1, got " + kernelSize);
        if (dilations == null || dilations.isEmpty()) throw new IllegalArgumentException("at least one dilation (block) is needed");
        if (dilations.stream().anyMatch(d -> d < 1)) throw new IllegalArgumentException("dilations must be >= 1: " + dilations);
        dilations = List.copyOf(dilations);
    }

    public static BackboneConfig defaults() {
        return new BackboneConfig(64, 3, List.of(1, 4));
    }

    public int blocks() {
        return dilations.size();
    }

    /** Two masked convolutions per block: the layer count K of the paper's sums over layers. */
    public int maskedLayers() {
        return 2 * blocks();
    }

    public int dilation(int block, int conv) {
        return dilations.get(block) * (conv == 0 ? 1 : 2);
    }
}
