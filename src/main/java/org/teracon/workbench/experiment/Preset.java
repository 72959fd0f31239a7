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
     * The command line's default: small enough for a laptop CPU (ML-100K's T1 in well under a minute). 64 channels,
     * two blocks (dilations 1,4), kernel 3; T1 lr 1e-3, batch 32, at most 10 epochs (tuned on
     * ML-100K: the README's tuning table); later tasks 10 epochs of batch 64 at lr 1e-3; patience 5.
     */
    CPU("cpu", "64 channels, dilations 1,4; T1 lr 1e-3, batch 32, <=10 epochs; later tasks lr 1e-3, batch 64, <=10 epochs; patience 5",
            BackboneConfig.defaults(), TrainingConfig.defaults()),
    /**
     * The window's default, made for the bundled sample (600 users, a few batches an epoch): the reference
     * backbone, which a 6-task run on the sample affords on 2 cores (TERACON, seed 42: 2 min 43 s), with
     * {@link #CPU}'s schedule except lr 3.5e-3 for the later tasks. At 1e-3 and 2.5e-3 the task embeddings and
     * relation MLPs barely move in so few steps and every mask pair's cosine stays above 0.995; at 5e-3 the
     * masks move but the noisy task ends closer to liked_items than taste_group does; at 3.5e-3 the two
     * tasks planted on one taste factor are closer to each other than either is to the noisy task (README,
     * Presets; SampleDefaultsTest checks it).
     */
    SAMPLE("sample", "for the bundled sample: the reference backbone (256 channels, dilations 1,4,1,4,1,4,1,4) with cpu's schedule, "
            + "but later tasks lr 3.5e-3 (so that masks move within its few batches)",
            referenceBackbone(), new TrainingConfig(new StageSchedule(10, 32, 1e-3), new StageSchedule(10, 64, 3.5e-3),
            new StageSchedule(10, 64, 3.5e-3), 5, 256)),
    /**
     * The reference code's backbone (256 channels, dilations 1,4,1,4,1,4,1,4) with {@link #CPU}'s schedule:
     * what a single run on ML-100K-sized data affords on a 2-core CPU (one 6-task TERACON run, seed 1: 6 min 40 s
     * of training, 12 min 23 s and 3.9 GB peak with FWT's SinMo reference; README, Presets); grids of seeds and
     * methods at this size take hours there, which is why the command line's default stays {@link #CPU}.
     */
    CPU_REFERENCE_BACKBONE("cpu-reference", "the reference backbone (256 channels, dilations 1,4,1,4,1,4,1,4) with cpu's schedule; "
            + "one 6-task ML-100K run ~7 min on 2 cores",
            referenceBackbone(), TrainingConfig.defaults()),
    /**
     * The reference code's values (NOTES-reference.md): 256 channels, dilations 1,4,1,4,1,4,1,4,
     * kernel 3; T1 lr 1e-3, batch 32, at most 10 epochs; T2 lr 1e-3 (the TTL script); T3 and later
     * lr 1e-4; every later task batch 1024, at most 100 epochs; early stop after 5 epochs without a
     * better validation score. Meant for a GPU or for patience.
     */
    REFERENCE("reference", "the reference code's: 256 channels, dilations 1,4,1,4,1,4,1,4; T1 lr 1e-3 batch 32 <=10 epochs; "
            + "T2 lr 1e-3, T3+ lr 1e-4, batch 1024, <=100 epochs; patience 5",
            referenceBackbone(),
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

    /** The reference code's backbone: 256 channels, kernel 3, dilations 1,4,1,4,1,4,1,4. */
    private static BackboneConfig referenceBackbone() {
        return new BackboneConfig(256, 3, List.of(1, 4, 1, 4, 1, 4, 1, 4));
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
