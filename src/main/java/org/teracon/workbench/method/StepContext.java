package org.teracon.workbench.method;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.teracon.workbench.model.BackboneHooks;

/**
 * One optimiser step as the training core and its plugins see it: the current task's batch (group 0),
 * any groups of extra sequences a plugin stacks below it into the same backbone pass (TERACON's
 * retention users), the mask sharpness s of this batch, the hooks and the loss terms.
 */
public final class StepContext {
    /** Rows [first, first + count) of the stacked pass, in sequences. */
    public record Group(int first, int count) {
    }

    private final TaskData task;
    private final int[] users;
    private final int[][] labels;
    private final int batchIndex;
    private final int batches;
    private final java.util.function.IntFunction<int[]> usersOfBatch;
    private final List<int[]> sequences = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final Map<LossTerm, Double> losses = new EnumMap<>(LossTerm.class);
    private double sharpness = 1;
    private double total;
    private BackboneHooks hooks = BackboneHooks.NONE;
    private final java.util.Set<String> finalGradients = new java.util.LinkedHashSet<>();

    public StepContext(TaskData task, int[] users, int[][] labels, int batchIndex, int batches) {
        this(task, users, labels, batchIndex, batches, null);
    }

    /** @param usersOfBatch the users of any batch of this epoch, by index (null: unknown) */
    public StepContext(TaskData task, int[] users, int[][] labels, int batchIndex, int batches,
                       java.util.function.IntFunction<int[]> usersOfBatch) {
        this.usersOfBatch = usersOfBatch;
        this.task = task;
        this.users = users;
        this.labels = labels;
        this.batchIndex = batchIndex;
        this.batches = batches;
        addGroup(task.sequencesOf(users));
    }

    /** Stacks sequences below the current ones; returns their group. */
    public Group addGroup(int[][] extra) {
        Group g = new Group(sequences.size(), extra.length);
        for (int[] s : extra) sequences.add(s);
        groups.add(g);
        return g;
    }

    public TaskData task() {
        return task;
    }

    public int[] users() {
        return users;
    }

    public int[][] labels() {
        return labels;
    }

    public int batchIndex() {
        return batchIndex;
    }

    public int batches() {
        return batches;
    }

    /** The users of batch {@code b} of this epoch, or null where the step does not know them (or b is out of range). */
    public int[] usersOfBatch(int b) {
        return usersOfBatch == null || b < 0 || b >= batches ? null : usersOfBatch.apply(b);
    }

    public Group currentGroup() {
        return groups.get(0);
    }

    public List<Group> groups() {
        return List.copyOf(groups);
    }

    public int[][] sequences() {
        return sequences.toArray(new int[0][]);
    }

    public int[][] currentSequences() {
        return sequences.subList(0, groups.get(0).count()).toArray(new int[0][]);
    }

    public double sharpness() {
        return sharpness;
    }

    public void sharpness(double s) {
        this.sharpness = s;
    }

    public BackboneHooks hooks() {
        return hooks;
    }

    public void hooks(BackboneHooks h) {
        this.hooks = h;
    }

    /** Records a term's own value; {@code weight}·value enters the total the optimiser minimises. */
    public void loss(LossTerm term, double value, double weight) {
        losses.merge(term, value, Double::sum);
        total += weight * value;
    }

    public double total() {
        return total;
    }

    public Map<LossTerm, Double> losses() {
        return losses;
    }

    /**
     * Marks parameters whose gradients are final once the losses are added: nothing after (the backward
     * pass, a plugin's gradient edits) changes them, so their update may start before the backward pass.
     */
    public void gradientsFinal(java.util.Collection<String> names) {
        finalGradients.addAll(names);
    }

    /** The parameters marked by {@link #gradientsFinal}. */
    public java.util.Set<String> finalGradients() {
        return java.util.Collections.unmodifiableSet(finalGradients);
    }

    /** Work a plugin has started on the worker lane that writes into this step's arrays. */
    private final List<org.teracon.workbench.model.GemmLanes.Pending> beside = new ArrayList<>();

    /**
     * Registers work started on the worker lane that writes gradients or other arrays of this step: the
     * step waits for it after the backward pass, before any gradient is checked or applied, and in any
     * case before its workspace closes.
     */
    public void besideStep(org.teracon.workbench.model.GemmLanes.Pending work) {
        beside.add(work);
    }

    /** Waits for every job of {@link #besideStep}; the first failure is thrown once all have ended. */
    void awaitBeside() {
        RuntimeException failure = null;
        for (var work : beside) {
            try {
                work.await();
            } catch (RuntimeException e) {
                if (failure == null) failure = e;
            }
        }
        beside.clear();
        if (failure != null) throw failure;
    }
}
