package org.teracon.workbench.method.teracon;

import java.util.List;
import org.teracon.workbench.method.params.ParamSpec;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.method.params.Range;

/**
 * TERACON's hyperparameters and ablation switches. Defaults are the reference code's values:
 * s_max 50 (annealed within each epoch), alpha 0.7, c 6, rho starting at 0.9. Each one is a
 * {@link ParamSpec} below: the specs are what configs, the CLI and the GUI know; this record is
 * the checked bundle the training code reads.
 */
public record TeraconSettings(double sMax, boolean annealS, double alpha, double c, boolean relationAware,
                              boolean knowledgeRetention, SamplingMode sampling, double rhoMin, double rhoInitial) implements java.io.Serializable {

    public static final ParamSpec<Double> S_MAX = ParamSpec.real("teracon.sMax", 50, Range.atLeast(1), "s (s_max)",
            "TERACON's mask scale s (s_max): larger s makes masks closer to binary").withCliFlag("--s");
    public static final ParamSpec<Boolean> ANNEAL_S = ParamSpec.bool("teracon.annealS", true, "Anneal s within each epoch",
            "TERACON raises s from 1/s_max to s_max within each epoch (false: s stays constant)").withCliFlag("--no-anneal");
    public static final ParamSpec<Double> ALPHA = ParamSpec.real("teracon.alpha", 0.7, Range.atLeast(0), "alpha",
            "TERACON's weight of the knowledge-retention loss").withCliFlag("--alpha");
    public static final ParamSpec<Double> C = ParamSpec.real("teracon.c", 6, Range.above(0), "c",
            "TERACON's sharpness c of the sampling-rate sigmoid").withCliFlag("--c");
    public static final ParamSpec<Boolean> RELATION_AWARE = ParamSpec.bool("teracon.relationAware", true, "Relation-aware masks",
            "TERACON's masks are conditioned on the other tasks' masks (false: plain masks, the paper's ablation)").withCliFlag("--plain-masks");
    public static final ParamSpec<Boolean> KNOWLEDGE_RETENTION = ParamSpec.bool("teracon.knowledgeRetention", true,
            "Knowledge retention", "TERACON keeps old tasks' outputs with the knowledge-retention loss (false: the paper's ablation)")
            .withCliFlag("--no-kr");
    public static final ParamSpec<SamplingMode> SAMPLING = ParamSpec.choice("teracon.sampling", SamplingMode.class,
            SamplingMode.EQUATION, "Sampling mode",
            "TERACON's users for the retention loss: EQUATION, rho from mask relations; FIXED, rho_min; ALL, every user")
            .withCliFlag("--sampling");
    public static final ParamSpec<Double> RHO_MIN = ParamSpec.real("teracon.rhoMin", 0.1, Range.aboveUpTo(0, 1), "rho_min",
            "TERACON's sampling rate in FIXED mode").withCliFlag("--rho-min");
    public static final ParamSpec<Double> RHO_INITIAL = ParamSpec.real("teracon.rhoInitial", 0.9, Range.aboveUpTo(0, 1), "rho initial",
            "TERACON's sampling rate before the first update");
    /** In the order the GUI shows them. */
    public static final List<ParamSpec<?>> SPECS = List.of(S_MAX, ALPHA, C, SAMPLING, RHO_MIN, RHO_INITIAL, RELATION_AWARE,
            KNOWLEDGE_RETENTION, ANNEAL_S);

    public TeraconSettings {
        if (!(sMax >= 1)) throw new IllegalArgumentException("s (sMax) must be >= 1, got " + sMax);
        if (!(alpha >= 0)) throw new IllegalArgumentException("alpha must be >= 0, got " + alpha);
        if (!(c > 0)) throw new IllegalArgumentException("c must be > 0, got " + c);
        if (!(rhoMin > 0 && rhoMin <= 1)) throw new IllegalArgumentException("rhoMin must be in (0, 1], got " + rhoMin);
        if (!(rhoInitial > 0 && rhoInitial <= 1)) throw new IllegalArgumentException("rhoInitial must be in (0, 1], got " + rhoInitial);
        if (sampling == null) sampling = SamplingMode.EQUATION;
    }

    public static TeraconSettings defaults() {
        return fromParams(ParamValues.none());
    }

    public static TeraconSettings fromParams(ParamValues p) {
        return new TeraconSettings(p.get(S_MAX), p.get(ANNEAL_S), p.get(ALPHA), p.get(C), p.get(RELATION_AWARE),
                p.get(KNOWLEDGE_RETENTION), p.get(SAMPLING), p.get(RHO_MIN), p.get(RHO_INITIAL));
    }

    /** {@code p} with every TERACON parameter replaced by these values. */
    public ParamValues writeTo(ParamValues p) {
        return p.with(S_MAX, sMax).with(ANNEAL_S, annealS).with(ALPHA, alpha).with(C, c)
                .with(RELATION_AWARE, relationAware).with(KNOWLEDGE_RETENTION, knowledgeRetention).with(SAMPLING, sampling)
                .with(RHO_MIN, rhoMin).with(RHO_INITIAL, rhoInitial);
    }

    public TeraconSettings withSampling(SamplingMode mode) {
        return new TeraconSettings(sMax, annealS, alpha, c, relationAware, knowledgeRetention, mode, rhoMin, rhoInitial);
    }
}
