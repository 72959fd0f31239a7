package org.teracon.workbench.experiment;

import java.util.List;
import java.util.Map;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.teracon.TeraconSettings;
import org.teracon.workbench.model.BackboneConfig;

/**
 * Everything a run needs; read from and written to {@code experiment.json} (the CLI and the GUI use the
 * same file). {@code taskOrder} empty = the dataset's file order; {@code noisyTask} null = none.
 * {@code methodParams} holds baseline-specific numbers (e.g. CONURE's prune ratio).
 */
public record ExperimentConfig(String dataset, List<String> taskOrder, NoisyTaskSpec noisyTask, String method,
                               TeraconSettings teracon, Map<String, Double> methodParams, BackboneConfig backbone,
                               TrainingConfig training, long seed) {

    public ExperimentConfig {
        taskOrder = taskOrder == null ? List.of() : List.copyOf(taskOrder);
        methodParams = methodParams == null ? Map.of() : Map.copyOf(methodParams);
        if (method == null || method.isBlank()) method = "teracon";
        if (teracon == null) teracon = TeraconSettings.defaults();
        if (backbone == null) backbone = BackboneConfig.defaults();
        if (training == null) training = TrainingConfig.defaults();
    }

    public static ExperimentConfig defaults(String dataset) {
        return new ExperimentConfig(dataset, List.of(), null, "teracon", TeraconSettings.defaults(), Map.of(),
                BackboneConfig.defaults(), TrainingConfig.defaults(), 42);
    }

    public ExperimentConfig withMethod(String newMethod) {
        return new ExperimentConfig(dataset, taskOrder, noisyTask, newMethod, teracon, methodParams, backbone, training, seed);
    }

    public ExperimentConfig withTaskOrder(List<String> order) {
        return new ExperimentConfig(dataset, order, noisyTask, method, teracon, methodParams, backbone, training, seed);
    }

    public ExperimentConfig withNoisyTask(NoisyTaskSpec spec) {
        return new ExperimentConfig(dataset, taskOrder, spec, method, teracon, methodParams, backbone, training, seed);
    }

    public ExperimentConfig withTeracon(TeraconSettings settings) {
        return new ExperimentConfig(dataset, taskOrder, noisyTask, method, settings, methodParams, backbone, training, seed);
    }

    public ExperimentConfig withTraining(TrainingConfig t) {
        return new ExperimentConfig(dataset, taskOrder, noisyTask, method, teracon, methodParams, backbone, t, seed);
    }

    public ExperimentConfig withBackbone(BackboneConfig b) {
        return new ExperimentConfig(dataset, taskOrder, noisyTask, method, teracon, methodParams, b, training, seed);
    }

    public ExperimentConfig withSeed(long s) {
        return new ExperimentConfig(dataset, taskOrder, noisyTask, method, teracon, methodParams, backbone, training, s);
    }

    public ExperimentConfig withDataset(String d) {
        return new ExperimentConfig(d, taskOrder, noisyTask, method, teracon, methodParams, backbone, training, seed);
    }

    public ExperimentConfig withMethodParams(Map<String, Double> p) {
        return new ExperimentConfig(dataset, taskOrder, noisyTask, method, teracon, p, backbone, training, seed);
    }
}
