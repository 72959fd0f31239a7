package org.teracon.workbench.method.teracon;

/**
 * TERACON's hyperparameters and ablation switches. Defaults are the reference code's values:
 * s_max 50 (annealed within each epoch), alpha 0.7, c 6, rho starting at 0.9.
 */
public record TeraconSettings(double sMax, boolean annealS, double alpha, double c, boolean relationAware,
                              boolean knowledgeRetention, SamplingMode sampling, double rhoMin, double rhoInitial) {

    public TeraconSettings {
        if (!(sMax >= 1)) throw new IllegalArgumentException("s (sMax) must be >= 1, got " + sMax);
        if (!(alpha >= 0)) throw new IllegalArgumentException("alpha must be >= 0, got " + alpha);
        if (!(c > 0)) throw new IllegalArgumentException("c must be > 0, got " + c);
        if (!(rhoMin > 0 && rhoMin <= 1)) throw new IllegalArgumentException("rhoMin must be in (0, 1], got " + rhoMin);
        if (!(rhoInitial > 0 && rhoInitial <= 1)) throw new IllegalArgumentException("rhoInitial must be in (0, 1], got " + rhoInitial);
        if (sampling == null) sampling = SamplingMode.EQUATION;
    }

    public static TeraconSettings defaults() {
        return new TeraconSettings(50, true, 0.7, 6, true, true, SamplingMode.EQUATION, 0.1, 0.9);
    }

    public TeraconSettings withSampling(SamplingMode mode) {
        return new TeraconSettings(sMax, annealS, alpha, c, relationAware, knowledgeRetention, mode, rhoMin, rhoInitial);
    }
}
