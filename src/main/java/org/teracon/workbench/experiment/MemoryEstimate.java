package org.teracon.workbench.experiment;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.Task;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.method.TrainingConfig;

/**
 * A run's memory before anything is allocated: parameters (embedding, convolutions, heads; one copy per
 * task, the most any method keeps), Adam's two moments and the gradients, a step's activations and an
 * evaluation batch's scores. Refuses a run that cannot fit, or one whose single array is larger than an
 * array can be, with what it would need against what the JVM and the machine have.
 */
public final class MemoryEstimate {
    private static final double FLOAT = 4;

    private MemoryEstimate() {
    }

    /** @throws IllegalArgumentException when the run cannot fit */
    public static void check(ExperimentConfig config, Dataset dataset, List<Task> tasks) {
        BackboneConfig b = config.backbone();
        TrainingConfig t = config.training();
        double c = b.channels();
        double k = b.kernelSize();
        double v = dataset.vocabularySize();
        double l = dataset.sequenceLength();
        double largestArray = Math.max(Math.max(k * c * c, v * c), Math.max(t.evalBatchSize(), Math.max(t.batchSize(), t.batchSizeFirst())) * l * Math.max(v, k * c));
        if (largestArray > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the run is too large: one of its arrays would hold %.3g "
                    + "values and an array holds at most %d (channels %d, kernel %d, %d items, sequence length %d, batch sizes %d/%d/%d)",
                    largestArray, Integer.MAX_VALUE, b.channels(), b.kernelSize(), dataset.vocabularySize() - 1, dataset.sequenceLength(),
                    t.batchSizeFirst(), t.batchSize(), t.evalBatchSize()));
        }
        double heads = tasks.stream().mapToDouble(task -> c * (Math.max(task.numClasses(), 1) + 1)).sum();
        double params = v * c + b.blocks() * 2 * (k * c * c + 3 * c) + heads;
        double copies = tasks.size();
        double paramBytes = params * FLOAT * copies;
        double optimizerBytes = 3 * params * FLOAT; // gradients + Adam's two moments of the model being trained
        double batch = Math.max(t.batchSize(), t.batchSizeFirst());
        double activationBytes = FLOAT * (2 * batch * l * c * (b.blocks() * 2 * (k + 6)) + batch * l * v);
        double evalBytes = FLOAT * t.evalBatchSize() * (l * c * 4 + v);
        double need = paramBytes + optimizerBytes + activationBytes + evalBytes;
        long machine = physicalMemory();
        long heap = Runtime.getRuntime().maxMemory();
        if (need > 0.8 * machine) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the run needs about %s (parameters %s, optimizer state %s, "
                    + "activations %s, evaluation %s) and this machine has %s (JVM heap %s): use fewer channels, a shorter "
                    + "sequence or smaller batches", gb(need), gb(paramBytes), gb(optimizerBytes), gb(activationBytes), gb(evalBytes),
                    gb(machine), gb(heap)));
        }
    }

    static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory() * 4;
    }

    private static String gb(double bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
