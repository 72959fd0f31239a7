package org.teracon.workbench.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.ExperimentFiles;
import org.teracon.workbench.experiment.NoisyTaskSpec;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.teracon.SamplingMode;
import org.teracon.workbench.method.teracon.TeraconSettings;
import org.teracon.workbench.model.BackboneConfig;
import picocli.CommandLine.Option;

/** The experiment flags shared by run, compare and study: a config file, then flags override it. */
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
    @Option(names = "--epochs", description = "max epochs of every task (T1 included)")
    Integer epochs;
    @Option(names = "--epochs-first", description = "max epochs of T1 only")
    Integer epochsFirst;
    @Option(names = "--patience", description = "early-stopping patience in epochs")
    Integer patience;
    @Option(names = "--batch-size", description = "batch size of tasks after T1")
    Integer batchSize;
    @Option(names = "--batch-size-first", description = "batch size of T1")
    Integer batchSizeFirst;
    @Option(names = "--lr", description = "learning rate of tasks after T1")
    Double lr;
    @Option(names = "--lr-first", description = "learning rate of T1")
    Double lrFirst;
    @Option(names = "--channels", description = "embedding size = channels")
    Integer channels;
    @Option(names = "--kernel", description = "convolution kernel size")
    Integer kernel;
    @Option(names = "--dilations", split = ",", description = "one residual block per dilation, e.g. 1,4,1,4")
    List<Integer> dilations;
    @Option(names = "--s", description = "TERACON s_max (mask sharpness)")
    Double s;
    @Option(names = "--alpha", description = "TERACON weight of the knowledge-retention loss")
    Double alpha;
    @Option(names = "--c", description = "TERACON sharpness of the sampling-rate sigmoid")
    Double c;
    @Option(names = "--sampling", description = "TERACON sampling: EQUATION, FIXED (rho-min) or ALL")
    SamplingMode sampling;
    @Option(names = "--rho-min", description = "TERACON fixed sampling rate")
    Double rhoMin;
    @Option(names = "--plain-masks", description = "TERACON ablation: plain masks instead of relation-aware")
    boolean plainMasks;
    @Option(names = "--no-kr", description = "TERACON ablation: no knowledge retention")
    boolean noKr;
    @Option(names = "--no-anneal", description = "TERACON: constant s instead of the per-epoch annealing")
    boolean noAnneal;
    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "method parameter, e.g. conure.keep=0.3")
    Map<String, Double> params = new HashMap<>();

    public ExperimentConfig build() {
        ExperimentConfig cfg = config != null ? ExperimentFiles.read(config)
                : ExperimentConfig.defaults(dataset != null ? dataset : "sample-datasets/synthetic");
        if (dataset != null) cfg = cfg.withDataset(dataset);
        if (method != null) cfg = cfg.withMethod(method);
        if (order != null) cfg = cfg.withTaskOrder(order);
        if (noisyPosition != null) cfg = cfg.withNoisyTask(new NoisyTaskSpec(noisyPosition, noisyUsers, noisyClasses));
        if (seed != null) cfg = cfg.withSeed(seed);
        TrainingConfig t = cfg.training();
        cfg = cfg.withTraining(new TrainingConfig(
                epochsFirst != null ? epochsFirst : epochs != null ? epochs : t.epochsFirst(),
                epochs != null ? epochs : t.epochs(),
                patience != null ? patience : t.patience(),
                batchSizeFirst != null ? batchSizeFirst : t.batchSizeFirst(),
                batchSize != null ? batchSize : t.batchSize(),
                lrFirst != null ? lrFirst : t.learningRateFirst(),
                lr != null ? lr : t.learningRate(),
                t.evalBatchSize()));
        BackboneConfig b = cfg.backbone();
        cfg = cfg.withBackbone(new BackboneConfig(channels != null ? channels : b.channels(), kernel != null ? kernel : b.kernelSize(),
                dilations != null ? dilations : b.dilations()));
        TeraconSettings ts = cfg.teracon();
        cfg = cfg.withTeracon(new TeraconSettings(s != null ? s : ts.sMax(), ts.annealS() && !noAnneal,
                alpha != null ? alpha : ts.alpha(), c != null ? c : ts.c(), ts.relationAware() && !plainMasks,
                ts.knowledgeRetention() && !noKr, sampling != null ? sampling : ts.sampling(),
                rhoMin != null ? rhoMin : ts.rhoMin(), ts.rhoInitial()));
        if (!params.isEmpty()) {
            Map<String, Double> merged = new HashMap<>(cfg.methodParams());
            merged.putAll(params);
            cfg = cfg.withMethodParams(merged);
        }
        return cfg;
    }

}
