package org.teracon.workbench.experiment;

import java.util.Arrays;
import java.util.List;
import org.teracon.workbench.method.StageSchedule;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.model.BackboneConfig;

/**
 * A named backbone and per-stage schedule that a run starts from; flags and form fields override
 * single values, and experiment.json keeps the resolved values and the preset's name. TERACON's
 * own parameters (s_max 50, α 0.7, c 6) are the reference's in every preset: they are the defaults
 * of their specs, not part of a preset.
 */
public enum Preset {
    /**
     * The default: small enough for a laptop CPU (ML-100K's T1 in well under a minute). 64 channels,
     * two blocks (dilations 1,4), kernel 3; T1 lr 1e-3, batch 32, at most 10 epochs (tuned on
     * ML-100K: the README's tuning table); later tasks 10 epochs of batch 64 at lr 1e-3; patience 5.
     */
    CPU("cpu", "64 channels, dilations 1,4; T1 lr 1e-3, batch 32, <=10 epochs; later tasks lr 1e-3, batch 64, <=10 epochs; patience 5",
            BackboneConfig.defaults(), TrainingConfig.defaults()),
    /**
     * The window's default, made for the bundled sample (a few hundred users, a few batches an epoch): as
     * {@link #CPU} but later tasks train at lr 5e-3. At 1e-3 the task embeddings and relation MLPs barely move
     * in so few steps, every mask stays fully open, and the mask heatmap reads 1.000 everywhere; at 5e-3 the
     * related tasks' masks end up closer to each other than to the noisy task's (SampleDefaultsTest checks it).
     */
    SAMPLE("sample", "for the bundled sample: as cpu, but later tasks lr 5e-3 (so that masks move within its few batches)",
            BackboneConfig.defaults(), new TrainingConfig(new StageSchedule(10, 32, 1e-3), new StageSchedule(10, 64, 5e-3),
            new StageSchedule(10, 64, 5e-3), 5, 256)),
    /**
     * The reference code's backbone (256 channels, dilations 1,4,1,4,1,4,1,4) with {@link #CPU}'s schedule:
     * what a single run on ML-100K-sized data affords on a 2-core CPU (one 6-task TERACON run: 6 min 57 s,
     * 4.3 GB peak, README, Benchmark); grids of seeds and methods at this size take hours there.
     */
    CPU_REFERENCE_BACKBONE("cpu-reference", "the reference backbone (256 channels, dilations 1,4,1,4,1,4,1,4) with cpu's schedule; "
            + "one 6-task ML-100K run ~7 min on 2 cores",
            new BackboneConfig(256, 3, List.of(1, 4, 1, 4, 1, 4, 1, 4)), TrainingConfig.defaults()),
    /**
     * The reference code's values (NOTES-reference.md): 256 channels, dilations 1,4,1,4,1,4,1,4,
     * kernel 3; T1 lr 1e-3, batch 32, at most 10 epochs; T2 lr 1e-3 (the TTL script); T3 and later
     * lr 1e-4; every later task batch 1024, at most 100 epochs; early stop after 5 epochs without a
     * better validation score. Meant for a GPU or for patience.
     */
    REFERENCE("reference", "the reference code's: 256 channels, dilations 1,4,1,4,1,4,1,4; T1 lr 1e-3 batch 32 <=10 epochs; "
            + "T2 lr 1e-3, T3+ lr 1e-4, batch 1024, <=100 epochs; patience 5",
            new BackboneConfig(256, 3, List.of(1, 4, 1, 4, 1, 4, 1, 4)),
            new TrainingConfig(new StageSchedule(10, 32, 1e-3), new StageSchedule(100, 1024, 1e-3),
                    new StageSchedule(100, 1024, 1e-4), 5, 256));

    private final String key;
    private final String description;
    private final BackboneConfig backbone;
    private final TrainingConfig training;

    Preset(String key, String description, BackboneConfig backbone, TrainingConfig training) {
        this.key = key;
        this.description = description;
        this.backbone = backbone;
        this.training = training;
    }

    /** The preset of a run with no --preset flag, and of files written before presets existed. */
    public static Preset defaultPreset() {
        return CPU;
    }

    /** What the window's form starts from (it opens on the bundled sample); the command line defaults to {@link #CPU}. */
    public static Preset windowDefault() {
        return SAMPLE;
    }

    public static Preset fromKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equalsIgnoreCase(key.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown preset '" + key + "', expected one of " + keys()));
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Preset::key).toList();
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public BackboneConfig backbone() {
        return backbone;
    }

    public TrainingConfig training() {
        return training;
    }
}
