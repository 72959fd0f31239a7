package org.teracon.workbench.method.teracon;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.teracon.workbench.method.StepContext;
import org.teracon.workbench.model.BackboneHooks;

/**
 * Backbone hooks for a stacked pass whose groups of sequences each run under one task's masks: the
 * batch under the current task's, each retention group under its old task's. Collects each group's
 * mask gradient [K, C] for {@link TaskMasks#backward}.
 */
final class GroupMasks implements BackboneHooks {
    private final TaskMasks masks;
    private final int[] taskOfGroup;
    private final List<StepContext.Group> groups;
    private final int channels;
    private final int[] groupOfSequence;
    private final INDArray[] gradients;

    GroupMasks(TaskMasks masks, int[] taskOfGroup, List<StepContext.Group> groups, int layers, int channels) {
        this.masks = masks;
        this.taskOfGroup = taskOfGroup;
        this.groups = groups;
        this.channels = channels;
        StepContext.Group last = groups.get(groups.size() - 1);
        this.groupOfSequence = new int[last.first() + last.count()];
        for (int g = 0; g < groups.size(); g++) {
            for (int i = 0; i < groups.get(g).count(); i++) groupOfSequence[groups.get(g).first() + i] = g;
        }
        this.gradients = new INDArray[groups.size()];
    }

    @Override
    public INDArray mask(int layer) {
        if (groups.size() == 1) return row(0, layer);
        INDArray[] rows = new INDArray[groups.size()];
        for (int g = 0; g < rows.length; g++) rows[g] = row(g, layer);
        return Nd4j.pullRows(Nd4j.vstack(rows), 1, groupOfSequence);
    }

    private INDArray row(int group, int layer) {
        return masks.mask(taskOfGroup[group]).getRow(layer).reshape(1, channels);
    }

    @Override
    public void maskGradient(int layer, INDArray gradient) {
        for (int g = 0; g < groups.size(); g++) {
            StepContext.Group group = groups.get(g);
            INDArray sum = groups.size() == 1 ? gradient
                    : gradient.get(NDArrayIndex.interval(group.first(), group.first() + group.count()), NDArrayIndex.all()).sum(true, 0);
            if (gradients[g] == null) gradients[g] = Nd4j.zeros(gradient.dataType(), masks.mask(taskOfGroup[g]).rows(), channels);
            gradients[g].getRow(layer).addi(sum.reshape(channels));
        }
    }

    /** Each group's dL/dm [K, C] (null where no gradient reached it) into its task's mask parameters. */
    void backward(org.teracon.workbench.model.Gradients into) {
        for (int g = 0; g < groups.size(); g++) {
            if (gradients[g] != null) masks.backward(taskOfGroup[g], gradients[g], into);
        }
    }
}
