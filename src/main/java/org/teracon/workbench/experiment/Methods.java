package org.teracon.workbench.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.SingleModelMethod;
import org.teracon.workbench.method.teracon.SamplingMode;
import org.teracon.workbench.method.teracon.TeraconSettings;
import org.teracon.workbench.method.baseline.ConureMethod;
import org.teracon.workbench.method.baseline.HatMethod;
import org.teracon.workbench.method.baseline.MtlMethod;
import org.teracon.workbench.method.baseline.PeterRecMethod;
import org.teracon.workbench.method.baseline.PiggybackMethod;

/** Every method the engine offers, by the name used in experiment.json, the CLI and the GUI. */
public final class Methods {
    private static final Map<String, Function<ExperimentConfig, ContinualMethod>> FACTORIES = new LinkedHashMap<>();

    static {

        FACTORIES.put("teracon", c -> new org.teracon.workbench.method.teracon.Teracon(c.backbone(), c.teracon()));
        // the paper's ablations as methods of their own, so one comparison table can hold them
        FACTORIES.put("teracon-plain", c -> teracon(c, t -> new TeraconSettings(t.sMax(), t.annealS(), t.alpha(), t.c(), false,
                t.knowledgeRetention(), t.sampling(), t.rhoMin(), t.rhoInitial())));
        FACTORIES.put("teracon-nokr", c -> teracon(c, t -> new TeraconSettings(t.sMax(), t.annealS(), t.alpha(), t.c(), t.relationAware(),
                false, t.sampling(), t.rhoMin(), t.rhoInitial())));
        FACTORIES.put("teracon-rhomin", c -> teracon(c, t -> t.withSampling(SamplingMode.FIXED)));
        FACTORIES.put("teracon-all", c -> teracon(c, t -> t.withSampling(SamplingMode.ALL)));
        FACTORIES.put("sinmo", c -> SingleModelMethod.sinMo(c.backbone()));
        FACTORIES.put("sinmoall", c -> SingleModelMethod.sinMoAll(c.backbone()));
        FACTORIES.put("finesmax", c -> SingleModelMethod.fineSmax(c.backbone()));
        FACTORIES.put("fineall", c -> SingleModelMethod.fineAll(c.backbone()));
        // methodParams keys and defaults: conure.keep 0.3, conure.retrainEpochs 1
        FACTORIES.put("conure", c -> ConureMethod.fromParams(c.backbone(), c.methodParams()));
        // peterrec.reduction 4 (patch bottleneck C -> C/4 -> C)
        FACTORIES.put("peterrec", c -> PeterRecMethod.fromParams(c.backbone(), c.methodParams()));
        // hat.sMax 400, hat.lambda 0.75
        FACTORIES.put("hat", c -> HatMethod.fromParams(c.backbone(), c.methodParams()));
        // piggyback.threshold 0.005, piggyback.init 0.01 (initial mask score: every weight starts kept)
        FACTORIES.put("piggyback", c -> PiggybackMethod.fromParams(c.backbone(), c.methodParams()));
        FACTORIES.put("mtl", c -> new MtlMethod(c.backbone()));
    }

    private Methods() {
    }

    private static ContinualMethod teracon(ExperimentConfig c, java.util.function.UnaryOperator<TeraconSettings> change) {
        return new org.teracon.workbench.method.teracon.Teracon(c.backbone(), change.apply(c.teracon()));
    }

    public static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    public static ContinualMethod create(ExperimentConfig config) {
        var f = FACTORIES.get(config.method().toLowerCase(java.util.Locale.ROOT));
        if (f == null) throw new IllegalArgumentException("unknown method '" + config.method() + "'; known: " + names());
        return f.apply(config);
    }
}
