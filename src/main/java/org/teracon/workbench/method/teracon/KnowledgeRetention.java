package org.teracon.workbench.method.teracon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.teracon.workbench.method.RunRandom;
import org.teracon.workbench.method.StepContext;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.model.GemmLanes;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.ParameterStore;
import org.teracon.workbench.model.TaskHead;
import org.teracon.workbench.model.TcnEngine;
import org.teracon.workbench.model.Uninterruptibly;
import org.teracon.workbench.model.Workspaces;

/**
 * TERACON's knowledge retention L_KR+: for each old task j, the live model's logits under j's mask are
 * pulled (MSE on raw logits) to the pseudo-labels ỹ^{Tj} that the frozen copy of the model after the
 * previous task gives the same users under its own task-j mask, on a random ρ_j share of each batch,
 * each term weighted ρ_j / Σρ. As in the reference, teacher and student read each batch at the same
 * annealed s, so at a stage's first step (student = teacher) the term is zero with plain masks.
 * <p>
 * All old tasks' terms are computed together: every retention user's vector is gathered into one
 * [N, C] matrix and multiplied by all old heads side by side, [C, ΣO], and a 0/1 block mask keeps
 * only each user's own task's outputs. The few wasted products cost less than one ND4J call per task
 * and term (~15 calls each, ~50 µs apiece, issue #8), which grew the step time with every task.
 * <p>
 * The teacher's pass needs nothing of the student's, so {@link #teach} runs it on a thread of its own
 * while the student's forward pass runs: a few retention users make it a chain of small ND4J calls that
 * keep one core busy for milliseconds but leave the two GEMM lanes' second core mostly idle.
 */
final class KnowledgeRetention {
    private final Network teacher;
    private final List<TaskData> old;
    private final boolean relationAware;
    /** Column j of the side-by-side heads starts at offsets[j]; offsets[old.size()] = ΣO. */
    private final long[] offsets;
    /** The teacher's old heads side by side, [C, ΣO] and [1, ΣO]: frozen, so joined once. */
    private final INDArray teacherWeights;
    private final INDArray teacherBiases;
    /**
     * The teachers' thread, one for the whole process: a thread made and ended per stage got a C-allocator
     * arena of its own each time, and the resident size crept up by the memory those kept. Passes of
     * runs that share the process queue on it one after another; each ends by freeing its workspace.
     */
    private static final ExecutorService TEACHER_THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(() -> {
            GemmLanes.keepOnThisThread();
            r.run();
        }, "teracon-teacher");
        t.setDaemon(true);
        return t;
    });
    /**
     * The teacher's masks kept per s take at most this many bytes (values and their host copy): every
     * batch of an epoch has its own s, and a large dataset at the reference size has thousands of them.
     */
    static final long MASK_CACHE_BYTES = 16L << 20;
    private final Map<Double, TaskMasks> teacherMaskCache = new ConcurrentHashMap<>();
    private final long maskCacheBytes;
    private long teacherMaskBytes;
    private boolean used;
    private Future<?> running;
    /** How many steps' retention users one teacher pass covers in the steady state ({@link #prepare}). */
    static final int LOOK_AHEAD = 8;
    private final int lookAhead;
    /** The coming steps of the epoch drawn ahead with the teacher's pass over them; null when none are. */
    private Plan plan;
    private int teacherPasses;
    /** The retention term running on the worker lane ({@link #startLoss}); null when none is. */
    private GemmLanes.Pending onLane;
    /** Whether a term has run on the worker lane this stage, so that its workspace there is freed at the end. */
    private boolean laneUsed;
    /** The teacher's pseudo-labels are copied here, outside any workspace, to outlive the teacher thread's scope. */
    private INDArray labelBuffer;

    /** {@code teacher}: a copy of the model taken before the new task changed it; {@code old}: its tasks. */
    KnowledgeRetention(Network teacher, List<TaskData> old, boolean relationAware) {
        this(teacher, old, relationAware, MASK_CACHE_BYTES);
    }

    /** As above, keeping at most {@code maskCacheBytes} of the teacher's masks. */
    KnowledgeRetention(Network teacher, List<TaskData> old, boolean relationAware, long maskCacheBytes) {
        this(teacher, old, relationAware, maskCacheBytes, LOOK_AHEAD);
    }

    /** As above, the teacher's pass covering up to {@code lookAhead} steps (1: every step its own). */
    KnowledgeRetention(Network teacher, List<TaskData> old, boolean relationAware, long maskCacheBytes, int lookAhead) {
        this.lookAhead = lookAhead;
        this.maskCacheBytes = maskCacheBytes;
        this.teacher = teacher;
        this.old = List.copyOf(old);
        this.relationAware = relationAware;
        this.offsets = new long[this.old.size() + 1];
        for (int j = 0; j < this.old.size(); j++) offsets[j + 1] = offsets[j] + this.old.get(j).outputSize();
        try (var ignored = Workspaces.outside()) {
            this.teacherWeights = joinedHeads(teacher.params(), this.old, TaskHead::weight);
            this.teacherBiases = joinedHeads(teacher.params(), this.old, TaskHead::bias);
        }
    }

    /** One old task's share of a batch: the sampled users' group in their pass and each user's weight. */
    record Share(TaskData task, StepContext.Group group, int[][] sequences, double weight) {
    }

    /** A share as drawn, before it has a place in a pass. */
    private record Drawn(TaskData task, int[][] sequences) {
    }

    /**
     * The frozen model's masks of every old task at sharpness s (the m̃ of the sampling-rate equation).
     * The teacher never changes within a stage and s takes the same values every epoch (one per batch),
     * so each s's masks are computed once: a dozen ND4J calls and a host copy a step less on the teacher's
     * thread, which shares the two cores with the step.
     */
    TaskMasks teacherMasks(double s) {
        TaskMasks cached = teacherMaskCache.get(s);
        if (cached != null) return cached;
        TaskMasks masks = new TaskMasks(teacher.params(), old.size(), relationAware, s);
        long bytes = 2 * masks.stacked().length() * masks.stacked().dataType().width();
        if (teacherMaskBytes + bytes > maskCacheBytes) return masks;
        TaskMasks detached = masks.detached();
        teacherMaskCache.put(s, detached);
        teacherMaskBytes += bytes;
        return detached;
    }

    /**
     * Samples each old task j's share ρ_j of the batch's users (at least one); the weight carries
     * ρ_j / Σρ and the mean over users and classes. When all shares together are at most half a batch
     * of users (the steady state: ρ ≈ 0.003 gives one user per old task) they are stacked below the
     * batch as one group per task, in pass 0. Otherwise (a stage's first steps, where ρ starts at 0.9
     * for every old task) pass 0 stays empty and the shares are packed, in task order, into passes of
     * their own of at most one batch of users each, so that no pass, and no workspace, grows with the
     * number of old tasks.
     *
     * @return the shares per pass; pass 0 (possibly empty) is the one stacked below the batch
     */
    List<List<Share>> sample(StepContext step, Map<Integer, Double> rho, Random rnd) {
        return passes(step, draw(step.task(), step.users(), counts(rho, step.users().length), rnd), rho);
    }

    /** Each old task's number of users to draw from a batch of {@code users}: ρ_j of them, at least one. */
    private int[] counts(Map<Integer, Double> rho, int users) {
        int[] counts = new int[old.size()];
        for (int j = 0; j < old.size(); j++) {
            counts[j] = Math.max(1, Math.min(users, (int) Math.round(rho.get(old.get(j).stage()) * users)));
        }
        return counts;
    }

    /** Whether shares of these sizes stack below a batch of {@code users} (see {@link #sample}). */
    private static boolean stacks(int[] counts, int users) {
        return Arrays.stream(counts).sum() <= Math.max(1, users / 2);
    }

    /** Each old task's users drawn from the batch's, in task order, as the random stream gives them. */
    private List<Drawn> draw(TaskData current, int[] users, int[] counts, Random rnd) {
        List<Drawn> drawn = new ArrayList<>();
        for (int j = 0; j < old.size(); j++) {
            int[] pick = sample(users.length, counts[j], rnd);
            int[] picked = new int[counts[j]];
            for (int i = 0; i < counts[j]; i++) picked[i] = users[pick[i]];
            drawn.add(new Drawn(old.get(j), current.sequencesOf(picked)));
        }
        return drawn;
    }

    /** The drawn shares placed in passes, weighted with the step's ρ (see {@link #sample}). */
    private List<List<Share>> passes(StepContext step, List<Drawn> drawn, Map<Integer, Double> rho) {
        int[] users = step.users();
        double rhoSum = rho.values().stream().mapToDouble(Double::doubleValue).sum();
        List<List<Share>> passes = new ArrayList<>();
        passes.add(new ArrayList<>());
        boolean stack = stacks(drawn.stream().mapToInt(d -> d.sequences().length).toArray(), users.length);
        int used = users.length;
        for (Drawn d : drawn) {
            int count = d.sequences().length;
            if (!stack && used + count > users.length) {
                passes.add(new ArrayList<>());
                used = 0;
            }
            StepContext.Group group = stack ? step.addGroup(d.sequences()) : new StepContext.Group(used, count);
            used += count;
            double weight = rho.get(d.task().stage()) / rhoSum / ((double) count * d.task().outputSize());
            passes.get(passes.size() - 1).add(new Share(d.task(), group, d.sequences(), weight));
        }
        return passes;
    }

    /** A step's retention shares per pass and what the teacher gives for them. */
    record Prepared(List<List<Share>> passes, Teaching teaching) {
    }

    /** A coming step drawn ahead: its batch, users, shares' sizes and draws, the random state before them, its s. */
    private record Ahead(int batchIndex, int[] users, int[] counts, List<Drawn> drawn, RunRandom.State before, double sharpness) {
    }

    /** Steps drawn ahead, in order, with the teacher's pass over all of them: step w's labels are rows [rows[w], rows[w+1]). */
    private static final class Plan {
        final List<Ahead> steps;
        final Future<INDArray> labels;
        final int[] rows;
        final List<CompletableFuture<float[][][]>> masks;
        int next;

        Plan(List<Ahead> steps, Future<INDArray> labels, int[] rows, List<CompletableFuture<float[][][]>> masks) {
            this.steps = steps;
            this.labels = labels;
            this.rows = rows;
            this.masks = masks;
        }
    }

    /**
     * The step's shares ({@link #sample}) and the teacher's pass over them at the step's s. In the steady
     * state (every share stacked below the batch) the users of the epoch's next {@link #LOOK_AHEAD} − 1
     * steps are drawn too, each with the sizes today's ρ gives its batch, and one teacher pass covers them
     * all, each step's rows under its own s: the pass is ~60 ND4J calls however few its users, and it
     * shared the two cores with every step (issue #8). A later step uses its draws only if its ρ still gives
     * the same sizes; otherwise they and the ones after are void, the random stream is put back to where
     * they began, and the step draws afresh. Draws happen in the same order as step by step, and nothing
     * else draws from the stream during an epoch's steps, so every step gets the users, weights and teacher
     * masks it would get step by step, and pseudo-labels equal to float rounding (GEMMs over more rows sum
     * in another order). Look-ahead needs a stream whose state can be put back ({@link RunRandom}).
     */
    Prepared prepare(StepContext step, Map<Integer, Double> rho, Random rnd, java.util.function.IntToDoubleFunction sharpnessOfBatch) {
        int[] counts = counts(rho, step.users().length);
        Prepared planned = fromPlan(step, counts, rho, rnd);
        if (planned != null) return planned;
        List<Drawn> drawn = draw(step.task(), step.users(), counts, rnd);
        if (lookAhead > 1 && rnd instanceof RunRandom stream && stacks(counts, step.users().length)) {
            List<Ahead> window = new ArrayList<>();
            window.add(new Ahead(step.batchIndex(), step.users(), counts, drawn, null, sharpnessOfBatch.applyAsDouble(step.batchIndex())));
            for (int b = step.batchIndex() + 1; b < step.batchIndex() + lookAhead; b++) {
                int[] users = step.usersOfBatch(b);
                if (users == null) break;
                int[] c = counts(rho, users.length);
                if (!stacks(c, users.length)) break;
                RunRandom.State before = stream.state();
                window.add(new Ahead(b, users, c, draw(step.task(), users, c, rnd), before, sharpnessOfBatch.applyAsDouble(b)));
            }
            if (window.size() > 1) {
                teachAhead(window);
                return fromPlan(step, counts, rho, rnd);
            }
        }
        List<List<Share>> passes = passes(step, drawn, rho);
        return new Prepared(passes, teach(passes, sharpnessOfBatch.applyAsDouble(step.batchIndex())));
    }

    /** The step's shares and labels from the plan, or null (the plan void from this step on) when it has none for it. */
    private Prepared fromPlan(StepContext step, int[] counts, Map<Integer, Double> rho, Random rnd) {
        if (plan == null) return null;
        Ahead next = plan.steps.get(plan.next);
        if (next.batchIndex() != step.batchIndex() || !Arrays.equals(next.users(), step.users())) {
            throw new IllegalStateException("retention users drawn for batch " + next.batchIndex() + ", step is batch " + step.batchIndex());
        }
        if (!Arrays.equals(next.counts(), counts)) {
            ((RunRandom) rnd).restore(next.before()); // the first step of a plan always matches: it was drawn with these counts
            plan = null;
            return null;
        }
        int w = plan.next++;
        Plan p = plan;
        if (plan.next == plan.steps.size()) plan = null;
        return new Prepared(passes(step, next.drawn(), rho), new Teaching(p.labels, p.rows[w], p.rows[w + 1], p.masks.get(w)));
    }

    /** Starts the teacher's pass over every planned step's shares, each at its step's s. */
    private void teachAhead(List<Ahead> window) {
        used = true;
        settle();
        int n = old.size();
        int[] rows = new int[window.size() + 1];
        List<int[][]> sequences = new ArrayList<>();
        List<TaskData> tasks = new ArrayList<>();
        List<Integer> maskOf = new ArrayList<>();
        List<CompletableFuture<float[][][]>> masks = new ArrayList<>();
        for (int w = 0; w < window.size(); w++) {
            for (Drawn d : window.get(w).drawn()) {
                sequences.add(d.sequences());
                tasks.add(d.task());
                maskOf.add(w * n + old.indexOf(d.task()));
            }
            rows[w + 1] = rows[w] + Arrays.stream(window.get(w).counts()).sum();
            masks.add(new CompletableFuture<>());
        }
        Callable<INDArray> job = () -> {
            try {
                INDArray all = labelBuffer(rows[window.size()]);
                try (var ignored = Workspaces.teacher()) {
                    List<TaskMasks> perStep = new ArrayList<>();
                    for (int w = 0; w < window.size(); w++) {
                        TaskMasks m = teacherMasks(window.get(w).sharpness());
                        perStep.add(m);
                        masks.get(w).complete(hostValues(m));
                    }
                    all.assign(pseudoLabels(sequences, tasks, maskOf.stream().mapToInt(Integer::intValue).toArray(), TaskMasks.joined(perStep)));
                }
                return all;
            } catch (Throwable t) {
                masks.forEach(m -> m.completeExceptionally(t));
                throw t;
            }
        };
        Future<INDArray> labels = TEACHER_THREAD.submit(job);
        running = labels;
        teacherPasses++;
        plan = new Plan(window, labels, rows, masks);
    }

    private float[][][] hostValues(TaskMasks masks) {
        float[][][] values = new float[old.size()][][];
        for (int j = 0; j < old.size(); j++) values[j] = masks.values(j);
        return values;
    }

    /** The first row of each pass's users among all the step's pseudo-labels, and the total. */
    static int[] labelOffsets(List<List<Share>> passes) {
        int[] offsets = new int[passes.size() + 1];
        for (int p = 0; p < passes.size(); p++) offsets[p + 1] = offsets[p] + passes.get(p).stream().mapToInt(s -> s.group().count()).sum();
        return offsets;
    }

    /**
     * Retention of shares that did not fit below the batch: their own forward pass under the live
     * masks, the loss, the backward pass and the masks' gradients, all in a workspace that the next
     * such pass reuses; the gradients are added into the step's.
     */
    double lossInOwnPass(Network net, List<Share> shares, INDArray labels, TaskMasks liveMasks, Gradients into) {
        List<int[]> stacked = new ArrayList<>();
        int[] taskOfGroup = new int[shares.size()];
        for (int g = 0; g < shares.size(); g++) {
            stacked.addAll(Arrays.asList(shares.get(g).sequences()));
            taskOfGroup[g] = shares.get(g).task().stage();
        }
        try (var ignored = Workspaces.retentionPass()) {
            GroupMasks hooks = new GroupMasks(liveMasks, taskOfGroup, shares.stream().map(Share::group).toList(),
                    net.config().maskedLayers(), net.config().channels());
            TcnEngine.Pass pass = net.forward(stacked.toArray(new int[0][]), hooks);
            INDArray dHidden = net.zeroHiddenGradient(pass);
            Gradients own = new Gradients(into::wants);
            double kr = loss(net, shares, labels, pass, dHidden, own);
            net.backward(pass, dHidden, own);
            hooks.backward(own);
            for (var e : own.asMap().entrySet()) {
                INDArray sum = into.get(e.getKey());
                if (sum != null) {
                    sum.addi(e.getValue().reshape(sum.shape()));
                } else {
                    try (var step = Workspaces.borrowStep()) {
                        into.add(e.getKey(), e.getValue().dup()); // the step's gradients outlive this workspace
                    }
                }
            }
            return kr;
        }
    }

    /**
     * What the teacher gave one step: its pseudo-labels (rows [from, to) of a pass's), and its masks at
     * the step's s as host values per old task.
     */
    record Teaching(Future<INDArray> labels, int from, int to, Future<float[][][]> masks) {
        /** [N, ΣO], waiting for the teacher's thread if it is not done. */
        INDArray pseudoLabels() {
            INDArray all = Uninterruptibly.await(labels, "the teacher's pass");
            return from == 0 && to == all.rows() ? all : all.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
        }

        /** m̃ of old task j at the step's s, [layer][channel]. */
        float[][] mask(int task) {
            return Uninterruptibly.await(masks, "the teacher's pass")[task];
        }
    }

    /**
     * Starts the teacher's pass over the shares at sharpness s on the teacher's thread. The previous
     * step's pass is waited for first (it writes into the same buffer), even after a failed step.
     */
    Teaching teach(List<List<Share>> passes, double s) {
        used = true;
        settle();
        CompletableFuture<float[][][]> masks = new CompletableFuture<>();
        int[] offsets = labelOffsets(passes);
        Callable<INDArray> job = () -> {
            try {
                INDArray all = labelBuffer(offsets[passes.size()]);
                for (int p = 0; p < passes.size(); p++) {
                    if (passes.get(p).isEmpty()) continue;
                    try (var ignored = Workspaces.teacher()) { // one pass at a time, so its workspace stays one pass large
                        TaskMasks teacherMasks = teacherMasks(s);
                        if (!masks.isDone()) masks.complete(hostValues(teacherMasks));
                        all.get(NDArrayIndex.interval(offsets[p], offsets[p + 1]), NDArrayIndex.all())
                                .assign(pseudoLabels(passes.get(p), teacherMasks));
                    }
                }
                return all;
            } catch (Throwable t) {
                masks.completeExceptionally(t);
                throw t;
            }
        };
        Future<INDArray> labels = TEACHER_THREAD.submit(job);
        running = labels;
        teacherPasses++;
        plan = null;
        return new Teaching(labels, 0, offsets[passes.size()], masks);
    }

    /** The first {@code rows} rows of the label buffer, grown (outside any workspace) when too small. */
    private INDArray labelBuffer(int rows) {
        if (labelBuffer == null || labelBuffer.rows() < rows) {
            try (var ignored = Workspaces.outside()) {
                labelBuffer = Nd4j.create(teacherWeights.dataType(), rows, offsets[old.size()]);
            }
        }
        return labelBuffer.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
    }

    /** The teacher's jobs started so far: one a step step by step, one a planned stretch of steps with look-ahead. */
    int teacherPasses() {
        return teacherPasses;
    }

    /** Waits for the teacher's running pass, whatever its outcome. */
    private void settle() {
        if (running == null) return;
        try {
            Uninterruptibly.await(running, "the teacher's pass");
        } catch (RuntimeException ignored) {
            // the step that started it has failed with it already
        }
        running = null;
    }

    /** After the stage's last pass: frees the teacher thread's workspace and the label buffer. */
    void close() {
        awaitLane(); // a step that failed after starting its term may have left it running into its workspace
        if (laneUsed) {
            GemmLanes.background(Workspaces::releaseRetentionLane).await();
            laneUsed = false;
        }
        if (!used) return;
        settle();
        Uninterruptibly.await(TEACHER_THREAD.submit(Workspaces::releaseTeacher), "freeing the teacher's workspace");
        used = false;
        plan = null;
        labelBuffer = null;
        ownBlocks.clear();
        ownBlockBytes = 0;
        teacherMaskCache.clear();
        teacherMaskBytes = 0;
    }

    /** The teacher's logits of the shares' users at sharpness s, [N, ΣO] (all old heads), from one stacked forward pass. */
    INDArray pseudoLabels(List<Share> shares, TaskMasks teacherMasks) {
        return pseudoLabels(shares.stream().map(Share::sequences).toList(), shares.stream().map(Share::task).toList(),
                shares.stream().mapToInt(sh -> sh.task().stage()).toArray(), teacherMasks);
    }

    /**
     * The teacher's logits, [N, ΣO], of groups of sequences, group g read out at its task's position and
     * run under mask {@code maskOf[g]} of {@code teacherMasks}, in one stacked forward pass.
     */
    private INDArray pseudoLabels(List<int[][]> sequences, List<TaskData> tasks, int[] maskOf, TaskMasks teacherMasks) {
        List<int[]> stacked = new ArrayList<>();
        List<StepContext.Group> groups = new ArrayList<>();
        for (int[][] group : sequences) {
            groups.add(new StepContext.Group(stacked.size(), group.length));
            stacked.addAll(Arrays.asList(group));
        }
        GroupMasks hooks = new GroupMasks(teacherMasks, maskOf, groups, teacher.config().maskedLayers(), teacher.config().channels());
        TcnEngine.Pass pass = teacher.forward(stacked.toArray(new int[0][]), hooks);
        INDArray users = Nd4j.pullRows(pass.hidden(), 1, readoutRows(teacher, tasks, groups, pass.length()));
        // into a c-order array like the label buffer it is copied to: mmul's f-order result made that copy strided
        INDArray logits = Nd4j.create(users.dataType(), new long[] {users.rows(), teacherWeights.columns()}, 'c');
        Nd4j.gemm(users, teacherWeights, logits, false, false, 1.0, 0.0);
        return logits.addiRowVector(teacherBiases);
    }

    /**
     * Σ_j Σ_u w_j·‖z_j(u) − ỹ_j(u)‖², each z_j read under j's masks from group j's rows of the live pass:
     * its gradient goes into those rows of dHidden and into every old head.
     */
    double loss(Network net, List<Share> shares, INDArray pseudoLabels, TcnEngine.Pass pass, INDArray dHidden, Gradients gradients) {
        return lossWithHeadsBeside(net, shares, pseudoLabels, pass, dHidden, gradients, null);
    }

    /**
     * As {@link #loss}, with the old heads' gradients (a GEMM per head and the biases' sum) made on the
     * worker lane beside the backward pass, which needs only dHidden, when {@code beside} is not null: it
     * is given those jobs, which the step must await before it reads those gradients or closes its
     * workspace. Their arrays are in {@code gradients} on return, their values once the jobs are done; the
     * same ops, so the same floats. The jobs queue on the worker lane in order, so the heads' early Adam steps, queued there
     * after them ({@code Optimizer.startEarly}), read the gradients complete; where there is no second
     * lane both run on the step's thread, in the same order.
     */
    double lossWithHeadsBeside(Network net, List<Share> shares, INDArray pseudoLabels, TcnEngine.Pass pass, INDArray dHidden,
                               Gradients gradients, java.util.function.Consumer<GemmLanes.Pending> beside) {
        HeadGradients heads = headGradients(pass.hidden().dataType());
        double kr = lossInto(net, shares, pseudoLabels, pass, dHidden, heads, beside);
        heads.handOver(gradients);
        return kr;
    }

    /**
     * Starts {@link #loss} on the worker lane, where it runs beside the current task's loss on the step's
     * thread: it writes only the retention groups' rows of dHidden and the old heads' gradients, which
     * the task's loss never touches, and reads the pass and the old heads, which nothing changes before the
     * update. TERACON starts it beside an item task's loss, which takes 2-3 ms at 64 channels: at T2 and T3
     * the step's thread then waited 0.2-0.5 ms for the term instead of spending 0.8-1.5 ms on it (throwaway
     * phase timer, 2026-12-01; beside a short profile task's loss it did not pay). The gradients' arrays are made
     * here, in the step's workspace; what the term makes on the worker comes from a workspace of that
     * thread's own. The same ops as {@link #loss}, so the same floats.
     */
    Started startLoss(Network net, List<Share> shares, java.util.function.Supplier<INDArray> pseudoLabels, TcnEngine.Pass pass,
                      INDArray dHidden) {
        HeadGradients heads = headGradients(pass.hidden().dataType());
        double[] kr = new double[1];
        laneUsed = true;
        onLane = GemmLanes.aside(() -> {
            try (var ignored = Workspaces.retentionLane()) {
                kr[0] = lossInto(net, shares, pseudoLabels.get(), pass, dHidden, heads, null);
            }
        });
        return new Started(kr, heads);
    }

    /** Pass 0's retention term started on the worker lane ({@link #startLoss}). */
    final class Started {
        private final double[] value;
        private final HeadGradients heads;

        private Started(double[] value, HeadGradients heads) {
            this.value = value;
            this.heads = heads;
        }

        /** Waits for the term, adds the old heads' gradients into {@code gradients} and gives its value. */
        double finish(Gradients gradients) {
            awaitLane();
            heads.handOver(gradients);
            return value[0];
        }
    }

    /** Waits for the term running on the worker lane, if any, whatever its outcome is. */
    void awaitLane() {
        GemmLanes.Pending pending = onLane;
        onLane = null;
        if (pending != null) pending.await();
    }

    /** The old heads' gradients, made before the term that fills them: [C, O_j] weights, and all biases [1, ΣO]. */
    private record HeadGradients(List<String> heads, long[] offsets, INDArray[] weights, INDArray biases) {
        /** Each old head's weight and bias gradient into {@code gradients}, in the old tasks' order. */
        void handOver(Gradients gradients) {
            for (int j = 0; j < heads.size(); j++) {
                gradients.add(TaskHead.weight(heads.get(j)), weights[j]);
                gradients.add(TaskHead.bias(heads.get(j)), biases.get(NDArrayIndex.all(), NDArrayIndex.interval(offsets[j], offsets[j + 1])));
            }
        }
    }

    private HeadGradients headGradients(DataType type) {
        INDArray[] weights = new INDArray[old.size()];
        List<String> heads = new ArrayList<>();
        long channels = teacherWeights.rows();
        for (int j = 0; j < old.size(); j++) {
            heads.add(Network.headName(old.get(j).stage()));
            weights[j] = Nd4j.create(type, new long[] {channels, offsets[j + 1] - offsets[j]}, 'c');
        }
        return new HeadGradients(heads, offsets, weights, Nd4j.create(type, 1, offsets[old.size()]));
    }

    /**
     * The retention term of {@link #loss}, its head gradients written into {@code heads}: here, or on the
     * worker lane when {@code beside} takes the job.
     */
    private double lossInto(Network net, List<Share> shares, INDArray pseudoLabels, TcnEngine.Pass pass, INDArray dHidden,
                            HeadGradients heads, java.util.function.Consumer<GemmLanes.Pending> beside) {
        List<StepContext.Group> groups = shares.stream().map(Share::group).toList();
        int[] rows = readoutRows(net, shares.stream().map(Share::task).toList(), groups, pass.length());
        INDArray users = Nd4j.pullRows(pass.hidden(), 1, rows);
        INDArray weights = joinedHeads(net.params(), old, TaskHead::weight);
        // GEMMs into c-order results: mmul's f-order results cost a strided copy per head afterwards
        // (usersᵀ·dz and the heads' copies: 2.6-3.1 ms against 0.43-0.55 head by head, throwaway probe)
        INDArray diff = Nd4j.create(users.dataType(), new long[] {users.rows(), offsets[old.size()]}, 'c');
        Nd4j.gemm(users, weights, diff, false, false, 1.0, 0.0);
        diff.addiRowVector(joinedHeads(net.params(), old, TaskHead::bias)).subi(pseudoLabels);
        diff.muli(ownBlocks(shares, diff.dataType())); // each user's own task's outputs only
        INDArray weighted = diff.mulRowVector(blockWeights(shares, diff.dataType()));
        double kr = Nd4j.getBlasWrapper().dot(weighted.reshape(weighted.length()), diff.reshape(diff.length()));
        INDArray dz = weighted.muli(2);
        INDArray dUsers = dz.mmul(weights.transpose());
        // every readout row is a different row of the pass, so the scatter has no write conflicts
        Nd4j.exec(DynamicCustomOp.builder("scatter_add").addInputs(dHidden, Nd4j.createFromArray(rows), dUsers).addOutputs(dHidden).build());
        // one job per head on the worker, so that a split GEMM half of the backward pass waits for one at most
        List<Runnable> headGradients = new ArrayList<>();
        headGradients.add(() -> dz.sum(heads.biases().reshape(heads.biases().length()), 0));
        for (int j = 0; j < old.size(); j++) {
            INDArrayIndex[] block = {NDArrayIndex.all(), NDArrayIndex.interval(offsets[j], offsets[j + 1])};
            INDArray into = heads.weights()[j];
            headGradients.add(() -> Nd4j.gemm(users, dz.get(block), into, true, false, 1.0, 0.0));
        }
        for (Runnable job : headGradients) {
            if (beside == null) job.run();
            else beside.accept(GemmLanes.background(job));
        }
        return kr;
    }

    /** The pass's row of each share's user vectors: group rows at the readout position of the share's task. */
    private static int[] readoutRows(Network net, List<TaskData> tasks, List<StepContext.Group> groups, int length) {
        int n = groups.stream().mapToInt(StepContext.Group::count).sum();
        int[] rows = new int[n];
        int r = 0;
        for (int g = 0; g < tasks.size(); g++) {
            int position = net.readoutPosition(tasks.get(g).kind());
            for (int i = 0; i < groups.get(g).count(); i++) rows[r++] = (groups.get(g).first() + i) * length + position;
        }
        return rows;
    }

    /**
     * [N, ΣO]: 1 on each retention user's own task's block of outputs, 0 on every other task's. It depends
     * only on how many users each share has, which in the steady state is one per old task at every step,
     * so each pattern is made once, outside any workspace: building it on the host every step took
     * 0.2-0.5 ms at T6, the costliest line of the term (throwaway line timer, 2026-12-01).
     */
    private INDArray ownBlocks(List<Share> shares, DataType type) {
        int[] counts = shares.stream().mapToInt(sh -> sh.group().count()).toArray();
        int[] tasks = shares.stream().mapToInt(sh -> old.indexOf(sh.task())).toArray();
        String key = type + Arrays.toString(counts) + Arrays.toString(tasks);
        INDArray cached = ownBlocks.get(key);
        if (cached != null) return cached;
        int n = Arrays.stream(counts).sum();
        int width = (int) offsets[old.size()];
        float[] ones = new float[n * width];
        int r = 0;
        for (int g = 0; g < shares.size(); g++) {
            for (int i = 0; i < counts[g]; i++, r++) Arrays.fill(ones, r * width + (int) offsets[tasks[g]], r * width + (int) offsets[tasks[g] + 1], 1f);
        }
        long bytes = (long) ones.length * type.width();
        if (ownBlockBytes + bytes > OWN_BLOCK_BYTES) return Nd4j.create(ones, new long[] {n, width}, 'c').castTo(type); // this step's only
        INDArray blocks;
        try (var ignored = Workspaces.outside()) {
            blocks = Nd4j.create(ones, new long[] {n, width}, 'c').castTo(type);
        }
        ownBlocks.put(key, blocks);
        ownBlockBytes += bytes;
        return blocks;
    }

    /**
     * The patterns of {@link #ownBlocks} kept take at most this many bytes: a stage's first steps, whose
     * shares fill passes of their own (ρ starts at 0.9), make large ones that never come back.
     */
    static final long OWN_BLOCK_BYTES = 4L << 20;
    private final Map<String, INDArray> ownBlocks = new ConcurrentHashMap<>();
    /** Written by whichever thread runs the term, one step at a time. */
    private volatile long ownBlockBytes;

    /**
     * [1, ΣO]: each old task's share's weight on its block of outputs (every user of a task shares its
     * weight, and {@link #ownBlocks} keeps only a user's own task's block), zero for a task without a share
     * here: ΣO floats built on the host, where the weights per user and output were N·ΣO.
     */
    private INDArray blockWeights(List<Share> shares, DataType type) {
        float[] w = new float[(int) offsets[old.size()]];
        for (Share share : shares) {
            int j = old.indexOf(share.task());
            Arrays.fill(w, (int) offsets[j], (int) offsets[j + 1], (float) share.weight());
        }
        INDArray row = Nd4j.createFromArray(w).reshape(1, w.length);
        return type == DataType.FLOAT ? row : row.castTo(type);
    }

    /** The old tasks' head parameters side by side along the columns. */
    private static INDArray joinedHeads(ParameterStore params, List<TaskData> tasks, java.util.function.UnaryOperator<String> part) {
        INDArray[] all = tasks.stream().map(t -> params.get(part.apply(Network.headName(t.stage())))).toArray(INDArray[]::new);
        return all.length == 1 ? all[0].dup('c') : Nd4j.concat(1, all);
    }

    /** {@code count} distinct indices of 0..n-1 (a partial Fisher–Yates shuffle). */
    static int[] sample(int n, int count, Random rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = 0; i < count; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return Arrays.copyOf(a, count);
    }
}
