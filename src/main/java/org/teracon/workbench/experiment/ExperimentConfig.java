package org.teracon.workbench.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import org.teracon.workbench.method.EvaluationProtocol;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.params.ParamSpec;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.method.teracon.TeraconSettings;
import org.teracon.workbench.model.BackboneConfig;

/**
 * Everything a run needs; read from and written to {@code experiment.json} (the CLI and the GUI use the
 * same file, shaped by {@link ExperimentJson}). {@code taskOrder} empty = the dataset's file order;
 * {@code noisyTask} null = none. {@code params} holds the method parameters (TERACON's and the
 * baselines'), each checked by its spec. {@code preset} names the {@link Preset} the backbone and
 * schedule started from (flags may have changed them since: the fields hold the resolved values);
 * {@code protocol} is how every task is scored. Null preset or protocol: the defaults.
 */
public record ExperimentConfig(String dataset, List<String> taskOrder, NoisyTaskSpec noisyTask, String method,
                               ParamValues params, BackboneConfig backbone, TrainingConfig training, long seed,
                               String preset, EvaluationProtocol protocol) {

    /** With the default preset's name and the default protocol. */
    public ExperimentConfig(String dataset, List<String> taskOrder, NoisyTaskSpec noisyTask, String method,
                            ParamValues params, BackboneConfig backbone, TrainingConfig training, long seed) {
        this(dataset, taskOrder, noisyTask, method, params, backbone, training, seed, null, null);
    }

    public ExperimentConfig {
        if (preset == null || preset.isBlank()) preset = Preset.defaultPreset().key();
        if (protocol == null) protocol = EvaluationProtocol.defaultProtocol();
        taskOrder = taskOrder == null ? List.of() : List.copyOf(taskOrder);
        if (params == null) params = ParamValues.none();
        if (method == null || method.isBlank()) method = "teracon";
        if (backbone == null) backbone = BackboneConfig.defaults();
        if (training == null) training = TrainingConfig.defaults();
    }

    public static ExperimentConfig defaults(String dataset) {
        return new ExperimentConfig(dataset, List.of(), null, "teracon", ParamValues.none(), BackboneConfig.defaults(),
                TrainingConfig.defaults(), 42);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ExperimentConfig fromJson(ExperimentJson json) {
        return json.toConfig();
    }

    @JsonValue
    ExperimentJson toJson() {
        return ExperimentJson.of(this);
    }

    /** TERACON's settings as these params give them (defaults for any not set). */
    public TeraconSettings teracon() {
        return TeraconSettings.fromParams(params);
    }

    public ExperimentConfig withTeracon(TeraconSettings settings) {
        return withParams(settings.writeTo(params));
    }

    public <T> ExperimentConfig withParam(ParamSpec<T> spec, T value) {
        return withParams(params.with(spec, value));
    }

    public ExperimentConfig withParams(ParamValues p) {
        return new ExperimentConfig(dataset, taskOrder, noisyTask, method, p, backbone, training, seed, preset, protocol);
    }

    public ExperimentConfig withMethod(String newMethod) {
        return new ExperimentConfig(dataset, taskOrder, noisyTask, newMethod, params, backbone, training, seed, preset, protocol);
    }

    public ExperimentConfig withTaskOrder(List<String> order) {
        return new ExperimentConfig(dataset, order, noisyTask, method, params, backbone, training, seed, preset, protocol);
    }

    public ExperimentConfig withNoisyTask(NoisyTaskSpec spec) {
        return new ExperimentConfig(dataset, taskOrder, spec, method, params, backbone, training, seed, preset, protocol);
    }

    public ExperimentConfig withTraining(TrainingConfig t) {
        return new ExperimentConfig(dataset, taskOrder, noisyTask, method, params, backbone, t, seed, preset, protocol);
    }

    public ExperimentConfig withBackbone(BackboneConfig b) {
        return new ExperimentConfig(dataset, taskOrder, noisyTask, method, params, b, training, seed, preset, protocol);
    }

    public ExperimentConfig withSeed(long s) {
        return new ExperimentConfig(dataset, taskOrder, noisyTask, method, params, backbone, training, s, preset, protocol);
    }

    /** The preset's backbone and schedule, its name recorded; everything else kept. */
    public ExperimentConfig withPreset(Preset p) {
        return new ExperimentConfig(dataset, taskOrder, noisyTask, method, params, p.backbone(), p.training(), seed, p.key(), protocol);
    }

    public ExperimentConfig withProtocol(EvaluationProtocol p) {
        return new ExperimentConfig(dataset, taskOrder, noisyTask, method, params, backbone, training, seed, preset, p);
    }

    public ExperimentConfig withDataset(String d) {
        return new ExperimentConfig(d, taskOrder, noisyTask, method, params, backbone, training, seed, preset, protocol);
    }
}
