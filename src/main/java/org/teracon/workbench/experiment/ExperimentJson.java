package org.teracon.workbench.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teracon.workbench.method.EvaluationProtocol;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.catalog.MethodCatalog;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.model.BackboneConfig;

/**
 * experiment.json as written: method parameters under their spec keys in {@code params}, read back
 * through the specs (an unknown key or a value its spec refuses fails the read).
 *
 * @param teracon      files saved before {@code params}: TERACON's settings as one object
 * @param methodParams files saved before {@code params}: the baselines' numbers
 * @param preset       the preset the values started from (files saved before presets: the default)
 * @param protocol     how tasks are scored (files saved before protocols: robust)
 */
record ExperimentJson(String dataset, List<String> taskOrder, NoisyTaskSpec noisyTask, String method,
                      Map<String, Object> params, BackboneConfig backbone, TrainingConfig training, long seed,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> teracon,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> methodParams,
                      String preset, EvaluationProtocol protocol) {

    private static final String TERACON_PREFIX = "teracon.";

    static ExperimentJson of(ExperimentConfig c) {
        return new ExperimentJson(c.dataset(), c.taskOrder(), c.noisyTask(), c.method(), MethodCatalog.toJson(c.params(), c.method()),
                c.backbone(), c.training(), c.seed(), null, null, c.preset(), c.protocol());
    }

    ExperimentConfig toConfig() {
        ParamValues p = ParamValues.none();
        if (teracon != null) {
            // the old object's field names are the TERACON keys without their prefix
            Map<String, Object> prefixed = new LinkedHashMap<>();
            teracon.forEach((k, v) -> prefixed.put(TERACON_PREFIX + k, v));
            p = MethodCatalog.fromJson(prefixed, method);
        }
        if (methodParams != null) p = p.withAll(MethodCatalog.fromJson(methodParams, method));
        if (params != null) p = p.withAll(MethodCatalog.fromJson(params, method));
        return new ExperimentConfig(dataset, taskOrder, noisyTask, method, p, backbone, training, seed, preset, protocol);
    }
}
