package org.teracon.workbench.method.teracon;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.teracon.workbench.method.StepContext;
import org.teracon.workbench.model.BackboneHooks;
import org.teracon.workbench.model.Gradients;

/**
 * Backbone hooks for a stacked pass whose groups of sequences each run under one task's masks: the
 * batch under the current task's, each retention group under its old task's. Each mask row (one per
 * sequence, or a single row when one group runs alone) reads its task's mask; every layer's rows come
 * from one gather over all tasks' masks, and every layer's gradient is summed per task by one GEMM with
 * the [tasks × rows] membership matrix, so neither grows with the number of groups.
 */
final class GroupMasks implements BackboneHooks {
    private final TaskMasks masks;
    private final int layers;
    private final int channels;
    /** The task whose mask each mask row reads. */
    private final int[] taskOfRow;
    private final boolean[] used;
    /** Every layer's mask rows, [K·R, C], gathered on first use. */
    private INDArray rows;
    private INDArray membership;
    /** dL/dm of every task for each layer, [n, C]; null until the backward pass reaches the layer. */
    private final INDArray[] taskGradients;

    GroupMasks(TaskMasks masks, int[] taskOfGroup, List<StepContext.Group> groups, int layers, int channels) {
        this.masks = masks;
        this.layers = layers;
        this.channels = channels;
        this.taskOfRow = groups.size() == 1 ? new int[] {taskOfGroup[0]} : taskOfSequence(taskOfGroup, groups);
        this.used = new boolean[masks.tasks()];
        for (int t : taskOfGroup) used[t] = true;
        this.taskGradients = new INDArray[layers];
    }

    private static int[] taskOfSequence(int[] taskOfGroup, List<StepContext.Group> groups) {
        StepContext.Group last = groups.get(groups.size() - 1);
        int[] task = new int[last.first() + last.count()];
        for (int g = 0; g < groups.size(); g++) {
            StepContext.Group group = groups.get(g);
            java.util.Arrays.fill(task, group.first(), group.first() + group.count(), taskOfGroup[g]);
        }
        return task;
    }

    /** [R, C]: a single row broadcast over the batch, or one row per sequence. */
    @Override
    public INDArray mask(int layer) {
        if (rows == null) rows = gatherRows();
        return rows.get(NDArrayIndex.interval((long) layer * taskOfRow.length, (long) (layer + 1) * taskOfRow.length), NDArrayIndex.all());
    }

    private INDArray gatherRows() {
        int n = masks.tasks();
        int[] index = new int[layers * taskOfRow.length];
        for (int k = 0; k < layers; k++) {
            for (int r = 0; r < taskOfRow.length; r++) index[k * taskOfRow.length + r] = k * n + taskOfRow[r];
        }
        return Nd4j.pullRows(masks.stacked().reshape('c', (long) layers * n, channels), 1, index);
    }

    /** Sums the layer's per-row gradient [R, C] into its tasks' rows: membership [n, R] · gradient. */
    @Override
    public void maskGradient(int layer, INDArray gradient) {
        if (membership == null) membership = membership(gradient.dataType());
        taskGradients[layer] = membership.mmul(gradient);
    }

    private INDArray membership(org.nd4j.linalg.api.buffer.DataType type) {
        double[][] m = new double[masks.tasks()][taskOfRow.length];
        for (int r = 0; r < taskOfRow.length; r++) m[taskOfRow[r]][r] = 1;
        return TaskMasks.constant(m, type);
    }

    /** Every used task's dL/dm [K, C] into its mask parameters (nothing where no gradient reached the masks). */
    void backward(Gradients into) {
        INDArray reached = java.util.Arrays.stream(taskGradients).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (reached == null) return;
        INDArray[] perLayer = new INDArray[layers];
        for (int k = 0; k < layers; k++) {
            perLayer[k] = taskGradients[k] == null ? Nd4j.zeros(reached.dataType(), masks.tasks(), channels) : taskGradients[k];
        }
        INDArray dMasks = Nd4j.concat(0, perLayer).reshape('c', layers, masks.tasks(), channels);
        masks.backward(dMasks, used, into);
    }
}
