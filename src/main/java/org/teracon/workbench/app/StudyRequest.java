package org.teracon.workbench.app;

import java.util.List;
import java.util.Objects;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.NoisyTaskSpec;
import org.teracon.workbench.experiment.Studies;

/**
 * What a study varies and around which experiment.
 *
 * @param permutations random orders for the order study (ignored otherwise)
 * @param noisy        the inserted task for the noisy study (null otherwise); with {@code datasetNoisyTask} only
 *                     its position counts
 * @param datasetNoisyTask the dataset's own noisy task the noisy study leaves out and puts back, instead of
 *                     inserting a generated one (null: insert a generated one)
 */
public record StudyRequest(Studies.Kind kind, ExperimentConfig base, int permutations, NoisyTaskSpec noisy, String datasetNoisyTask) {

    public StudyRequest(Studies.Kind kind, ExperimentConfig base, int permutations, NoisyTaskSpec noisy) {
        this(kind, base, permutations, noisy, null);
    }

    public StudyRequest {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(base);
        // Checked here so the user reads why, instead of the batch failing on a worker thread.
        if (kind == Studies.Kind.ORDER && base.taskOrder().size() < 3) {
            throw new IllegalArgumentException("The task-order study needs T1 and at least two more tasks in the order.");
        }
        if (kind == Studies.Kind.NOISY && noisy == null) throw new IllegalArgumentException("The noisy-task study needs a noisy task.");
        if (kind == Studies.Kind.RELATIONS) org.teracon.workbench.experiment.RelationsStudy.relationsFile(base.dataset());
    }

    /** The same study with another base seed. */
    public StudyRequest withSeed(long seed) {
        return seed == base.seed() ? this : new StudyRequest(kind, base.withSeed(seed), permutations, noisy, datasetNoisyTask);
    }

    public String name() {
        return switch (kind) {
            case ORDER -> "task-order study";
            case NOISY -> "noisy-task study";
            case SAMPLING -> "sampling study";
            case RELATIONS -> "relations study";
        };
    }

    public List<BatchRunner.LabelledConfig> plan() {
        return switch (kind) {
            case ORDER -> Studies.order(base, base.taskOrder(), permutations);
            case NOISY -> datasetNoisyTask == null ? Studies.noisy(base, noisy)
                    : Studies.noisyDatasetTask(base, datasetNoisyTask, noisy.position());
            case SAMPLING -> Studies.sampling(base);
            // relations: permutations = how many seeds, consecutive from the base seed (the CLI's --seeds lists them)
            case RELATIONS -> org.teracon.workbench.experiment.RelationsStudy.plan(base, seeds(base.seed(), Math.max(1, permutations)));
        };
    }

    static List<Long> seeds(long first, int n) {
        return java.util.stream.LongStream.range(first, first + n).boxed().toList();
    }
}
