package org.teracon.workbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.ExperimentFiles;
import org.teracon.workbench.experiment.NoisyTaskSpec;
import org.teracon.workbench.experiment.Preset;
import org.teracon.workbench.method.EvaluationProtocol;
import org.teracon.workbench.method.StageSchedule;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.catalog.MethodCatalog;
import org.teracon.workbench.method.params.ParamException;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.model.BackboneConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The experiment flags shared by run, compare, study and benchmark: a config file, then a preset
 * (--preset), then single flags override them. The method-parameter flags (--s, --alpha, --no-kr, ...) are made from the specs by {@link ParamFlags}.
 */
@Command(modelTransformer = ParamFlags.class)
public class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "experiment.json to start from")
    Path config;
    @Option(names = "--dataset", paramLabel = "DIR", description = "dataset folder (workbench format, TTL layout or MovieLens)")
    String dataset;
    @Option(names = "--method", paramLabel = "NAME", description = "method (default teracon)")
    String method;
    @Option(names = "--order", split = ",", paramLabel = "T1,T2,..", description = "task order by name; T1 first")
    List<String> order;
    @Option(names = "--noisy", paramLabel = "POS", description = "insert a noisy task at this 1-based position (>= 2)")
    Integer noisyPosition;
    @Option(names = "--noisy-users", defaultValue = "0.5", description = "noisy task's share of users (default ${DEFAULT-VALUE})")
    double noisyUsers;
    @Option(names = "--noisy-classes", defaultValue = "50", description = "noisy task's classes (default ${DEFAULT-VALUE})")
    int noisyClasses;
    @Option(names = "--seed", description = "random seed (splits, init, sampling)")
    Long seed;
    @Option(names = "--preset", paramLabel = "NAME",
            description = "backbone and schedule to start from: cpu (the default, small), sample (the window's: the reference "
                    + "backbone for the bundled sample), cpu-reference (the reference backbone on cpu's schedule) or reference "
                    + "(the reference code's); flags override single values")
    String preset;
    @Option(names = "--protocol", paramLabel = "paper|robust",
            description = "evaluation protocol: robust (default; T1 on the last 5 items) or paper (T1 on the last item; >20 classes ranked by MRR@5)")
    String protocol;
    @Option(names = "--epochs", description = "max epochs of every task (T1 included)")
    Integer epochs;
    @Option(names = "--epochs-first", description = "max epochs of T1")
    Integer epochsFirst;
    @Option(names = "--epochs-second", description = "max epochs of T2")
    Integer epochsSecond;
    @Option(names = "--epochs-rest", description = "max epochs of T3 and later")
    Integer epochsRest;
    @Option(names = "--patience", description = "early-stopping patience in epochs")
    Integer patience;
    @Option(names = "--batch-size", description = "batch size of every task after T1")
    Integer batchSize;
    @Option(names = "--batch-size-first", description = "batch size of T1")
    Integer batchSizeFirst;
    @Option(names = "--batch-size-second", description = "batch size of T2")
    Integer batchSizeSecond;
    @Option(names = "--batch-size-rest", description = "batch size of T3 and later")
    Integer batchSizeRest;
    @Option(names = "--lr", description = "learning rate of every task after T1")
    Double lr;
    @Option(names = "--lr-first", description = "learning rate of T1")
    Double lrFirst;
    @Option(names = "--lr-second", description = "learning rate of T2")
    Double lrSecond;
    @Option(names = "--lr-rest", description = "learning rate of T3 and later")
    Double lrRest;
    @Option(names = "--channels", description = "embedding size = channels")
    Integer channels;
    @Option(names = "--kernel", description = "convolution kernel size")
    Integer kernel;
    @Option(names = "--dilations", split = ",", description = "one residual block per dilation, e.g. 1,4,1,4")
    List<Integer> dilations;
    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = "a method parameter, e.g. conure.keep=0.3 (the keys are listed below)")
    Map<String, String> params = new LinkedHashMap<>();
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The experiment for a run of its own method. */
    public ExperimentConfig build() {
        return build(null);
    }

    /**
     * The experiment, its {@code --param} keys checked against {@code methods} (null: the config's own
     * method), since a key no method of the run takes is a typo, not something to ignore.
     */
    public ExperimentConfig build(List<String> methods) {
        if (method != null && method.isBlank()) throw usage("--method needs a name; known: " + String.join(", ", MethodCatalog.names()));
        ExperimentConfig cfg = config != null ? ExperimentFiles.read(config)
                : ExperimentConfig.defaults(dataset != null ? dataset : "sample-datasets/synthetic");
        // a dataset path inside experiment.json is relative to that file's folder, not to where the command runs
        if (config != null && dataset == null && cfg.dataset() != null && !Path.of(cfg.dataset()).isAbsolute()) {
            Path besideFile = config.toAbsolutePath().getParent().resolve(cfg.dataset()).normalize();
            // files saved before this rule named it from the working directory: still found when only that exists
            if (java.nio.file.Files.exists(besideFile) || !java.nio.file.Files.exists(Path.of(cfg.dataset()))) {
                cfg = cfg.withDataset(besideFile.toString());
            }
        }
        if (dataset != null) cfg = cfg.withDataset(dataset);
        if (method != null) cfg = cfg.withMethod(method);
        if (order != null) cfg = cfg.withTaskOrder(order);
        if (noisyPosition != null) cfg = cfg.withNoisyTask(new NoisyTaskSpec(noisyPosition, noisyUsers, noisyClasses));
        if (seed != null) cfg = cfg.withSeed(seed);
        try {
            if (preset != null) cfg = cfg.withPreset(Preset.fromKey(preset));
            if (protocol != null) cfg = cfg.withProtocol(EvaluationProtocol.fromKey(protocol));
            TrainingConfig t = cfg.training();
            // the most specific flag wins: --epochs-second over --epochs, and so on
            cfg = cfg.withTraining(new TrainingConfig(
                    override(t.first(), first(epochsFirst, epochs), batchSizeFirst, lrFirst),
                    override(t.second(), first(epochsSecond, epochs), first(batchSizeSecond, batchSize), first(lrSecond, lr)),
                    override(t.rest(), first(epochsRest, epochs), first(batchSizeRest, batchSize), first(lrRest, lr)),
                    patience != null ? patience : t.patience(), t.evalBatchSize()));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        BackboneConfig b = cfg.backbone();
        cfg = cfg.withBackbone(new BackboneConfig(channels != null ? channels : b.channels(), kernel != null ? kernel : b.kernelSize(),
                dilations != null ? dilations : b.dilations()));
        List<String> runs = methods != null ? methods : List.of(cfg.method());
        for (String m : runs) {
            if (!MethodCatalog.isKnown(m)) throw usage("unknown method '" + m + "'; known: " + String.join(", ", MethodCatalog.names()));
        }
        ParamValues p = ParamFlags.read(command, cfg.params());
        for (Map.Entry<String, String> e : params.entrySet()) {
            try {
                p = MethodCatalog.parse(p, runs, e.getKey(), e.getValue());
            } catch (ParamException ex) {
                throw usage("--param: " + ex.getMessage());
            }
        }
        return cfg.withParams(p);
    }

    private static <T> T first(T specific, T general) {
        return specific != null ? specific : general;
    }

    private static StageSchedule override(StageSchedule s, Integer epochs, Integer batchSize, Double lr) {
        return new StageSchedule(epochs != null ? epochs : s.epochs(), batchSize != null ? batchSize : s.batchSize(),
                lr != null ? lr : s.learningRate());
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(command.commandLine(), message);
    }
}
