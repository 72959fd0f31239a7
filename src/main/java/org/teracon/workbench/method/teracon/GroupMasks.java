package org.teracon.workbench.method.teracon;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.teracon.workbench.method.StepContext;
import org.teracon.workbench.model.BackboneHooks;
import org.teracon.workbench.model.Gradients;

/**
 * Backbone hooks for a stacked pass whose groups of sequences each run under one task's masks: the
 * batch under the current task's, each retention group under its old task's. Each mask row (one per
 * sequence, or a single row when one group runs alone) reads its task's mask; every layer's rows come
 * from one gather over all tasks' masks, and every layer's gradient terms [B·L, C] are summed per task
 * by one GEMM with the [tasks × B·L] membership matrix, straight into that layer's block of all tasks'
 * dL/dm, so neither grows with the number of groups (a sum per sequence, a GEMM per task and a concat
 * of the layers cost an ND4J call each, issue #8).
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
    /** [n, B·L]: 1 where a row of the pass runs under task t's masks; made by the first gradient. */
    private INDArray membership;
    /** dL/dm of every task for each layer, [K·n, C]; null until the backward pass reaches a mask. */
    private INDArray taskGradients;

    GroupMasks(TaskMasks masks, int[] taskOfGroup, List<StepContext.Group> groups, int layers, int channels) {
        this.masks = masks;
        this.layers = layers;
        this.channels = channels;
        this.taskOfRow = groups.size() == 1 ? new int[] {taskOfGroup[0]} : taskOfSequence(taskOfGroup, groups);
        this.used = new boolean[masks.tasks()];
        for (int t : taskOfGroup) used[t] = true;
    }

    private static int[] taskOfSequence(int[] taskOfGroup, List<StepContext.Group> groups) {
        StepContext.Group last = groups.get(groups.size() - 1);
        int[] task = new int[last.first() + last.count()];
        for (int g = 0; g < groups.size(); g++) {
            StepContext.Group group = groups.get(g);
            Arrays.fill(task, group.first(), group.first() + group.count(), taskOfGroup[g]);
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

    /**
     * Sums the layer's gradient terms dOut ⊙ relu [B·L, C] into its tasks' rows: membership [n, B·L] · terms.
     * The terms' array and the layer's block of the sums are made here, on the step's thread.
     */
    @Override
    public Runnable maskGradientWork(int layer, INDArray dOut, INDArray relu, int sequences, int length) {
        int n = masks.tasks();
        if (taskGradients == null) {
            membership = membership(sequences, length, dOut.dataType());
            taskGradients = Nd4j.create(dOut.dataType(), (long) layers * n, channels); // zero for a layer never reached
        }
        INDArray terms = Nd4j.createUninitialized(dOut.dataType(), dOut.rows(), dOut.columns());
        INDArray into = taskGradients.get(NDArrayIndex.interval((long) layer * n, (long) (layer + 1) * n), NDArrayIndex.all());
        INDArray rowsOfTasks = membership;
        return () -> {
            Nd4j.exec(new MulOp(dOut, relu, terms));
            Nd4j.gemm(rowsOfTasks, terms, into, false, false, 1.0, 0.0);
        };
    }

    private INDArray membership(int sequences, int length, DataType type) {
        if (taskOfRow.length != 1 && taskOfRow.length != sequences) {
            throw new IllegalArgumentException("mask rows for " + taskOfRow.length + " sequences, gradient for " + sequences);
        }
        double[][] m = new double[masks.tasks()][sequences * length];
        for (int i = 0; i < sequences; i++) {
            int task = taskOfRow[taskOfRow.length == 1 ? 0 : i];
            Arrays.fill(m[task], i * length, (i + 1) * length, 1);
        }
        return TaskMasks.constant(m, type);
    }

    /** Every used task's dL/dm [K, C] into its mask parameters (nothing where no gradient reached the masks). */
    void backward(Gradients into) {
        if (taskGradients == null) return;
        masks.backward(taskGradients.reshape('c', layers, masks.tasks(), channels), used, into);
    }
}
