package org.teracon.workbench.method.teracon;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.method.StepContext;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.model.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.data.Split;
import org.teracon.workbench.data.Task;
import org.teracon.workbench.data.TaskKind;
import org.teracon.workbench.method.TaskData;

class KnowledgeRetentionTest {

    @Test
    void eachOldTaskGetsRoundedRhoShareOfTheBatchWeightedByRhoOverTheSum() {
        int[][] sequences = new int[10][];
        for (int u = 0; u < 10; u++) sequences[u] = new int[] {0, 1 + u % 3, 2};
        Task gender = new Task("gender", TaskKind.CLASSIFICATION, List.of("F", "M"), new int[] {0, 1}, new int[] {0, 1}, false);
        Task age = new Task("age", TaskKind.CLASSIFICATION, List.of("a", "b", "c"), new int[] {0, 1}, new int[] {0, 2}, false);
        TaskData old0 = new TaskData(0, gender, new Split(new int[0], new int[0], new int[0]), sequences, 4);
        TaskData old1 = new TaskData(1, age, new Split(new int[0], new int[0], new int[0]), sequences, 4);
        int[] users = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        Network teacher = Network.create(new BackboneConfig(4, 3, List.of(1)), 4, 3, new Random(2));
        teacher.ensureHead(0, 2, new Random(3));
        teacher.ensureHead(1, 3, new Random(4));
        KnowledgeRetention kr = new KnowledgeRetention(teacher, List.of(old0, old1), false);

        Map<Integer, Double> rho = new LinkedHashMap<>();
        rho.put(0, 0.3);
        rho.put(1, 0.04);
        StepContext step = new StepContext(old1, users, new int[users.length][], 0, 1);
        List<List<KnowledgeRetention.Share>> passes = kr.sample(step, rho, new Random(1));
        assertEquals(1, passes.size(), "4 retention users fit below a batch of 10");
        List<KnowledgeRetention.Share> shares = passes.get(0);

        // task 0: round(0.3·10) = 3 users, weight (0.3/0.34) / (3 users · 2 classes)
        assertEquals(3, shares.get(0).group().count());
        assertEquals(0.3 / 0.34 / 6, shares.get(0).weight(), 1e-12);
        // task 1: round(0.4) = 0, but every old task keeps at least one user; weight (0.04/0.34) / (1 · 3)
        assertEquals(1, shares.get(1).group().count());
        assertEquals(0.04 / 0.34 / 3, shares.get(1).weight(), 1e-12);
        // the groups are stacked below the batch's 10 sequences, in task order
        assertEquals(new StepContext.Group(10, 3), shares.get(0).group());
        assertEquals(new StepContext.Group(13, 1), shares.get(1).group());
        // the stacked sequences are exactly the sampled users'
        int[][] stacked = step.sequences();
        for (int i = 0; i < 3; i++) assertTrue(java.util.Arrays.asList(sequences).contains(stacked[10 + i]), "row " + (10 + i));
        assertArrayEquals(stacked[10], shares.get(0).sequences()[0]);
    }

    /**
     * The batched term (all old heads side by side, one gather, one block weight matrix) against the
     * per-task formula: teacher logits under each task's own mask, Σ_j w_j‖z_j − ỹ_j‖², and its gradients
     * 2·w_j·(z_j − ỹ_j) into the readout rows and the task's head (float parameters: to 1e-6).
     */
    @Test
    void batchedRetentionEqualsThePerTaskFormula() {
        Fixture f = Fixture.of(5);
        Network net = f.net();
        Network teacher = f.teacher();
        KnowledgeRetention kr = f.retention();
        Map<Integer, Double> rho = Map.of(0, 0.25, 1, 0.125); // 2 + 1 users: at most half the batch, stacked
        StepContext step = new StepContext(f.current(), new int[] {0, 1, 2, 3, 4, 5, 6, 7}, new int[8][], 0, 1);
        List<List<KnowledgeRetention.Share>> passes = kr.sample(step, rho, new Random(9));
        assertEquals(1, passes.size());
        List<KnowledgeRetention.Share> shares = passes.get(0);
        double s = 2.5;
        TaskMasks teacherMasks = kr.teacherMasks(s);
        INDArray pseudo = kr.pseudoLabels(shares, teacherMasks);
        // the same from the teacher's own thread, which also hands over its masks
        KnowledgeRetention.Teaching teaching = kr.teach(passes, s);
        assertEquals(0, pseudo.sub(teaching.pseudoLabels()).norm1Number().doubleValue(), 0.0);
        for (int t = 0; t < 2; t++) assertArrayEquals(teacherMasks.values(t), teaching.mask(t));
        kr.close();
        var pass = net.forward(step.sequences(), org.teracon.workbench.model.BackboneHooks.NONE);
        INDArray dHidden = net.zeroHiddenGradient(pass);
        org.teracon.workbench.model.Gradients gradients = new org.teracon.workbench.model.Gradients(n -> true);
        double loss = kr.loss(net, shares, pseudo, pass, dHidden, gradients);
        int l = pass.length();
        int[] offsets = {0, f.t0().outputSize(), f.t0().outputSize() + f.t1().outputSize()};
        double expected = 0;
        INDArray expectedDHidden = net.zeroHiddenGradient(pass);
        int row = 0;
        for (int g = 0; g < 2; g++) {
            KnowledgeRetention.Share share = shares.get(g);
            TaskData task = share.task();
            int position = net.readoutPosition(task.kind());
            // the teacher alone on this share's users, under its task's mask
            INDArray mask = teacherMasks.mask(task.stage());
            var hooks = new org.teracon.workbench.model.BackboneHooks() {
                @Override
                public INDArray mask(int layer) {
                    return mask.getRow(layer).reshape(1, mask.columns());
                }
            };
            INDArray teacherUsers = org.teracon.workbench.model.TcnEngine.at(teacher.forward(share.sequences(), hooks).hidden(),
                    share.sequences().length, l, position);
            String head = Network.headName(task.stage());
            INDArray y = teacherUsers.mmul(teacher.params().get(head + ".W")).addRowVector(teacher.params().get(head + ".b"));
            assertEquals(0, y.sub(pseudo.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(row, row + share.group().count()),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(offsets[g], offsets[g + 1]))).norm1Number().doubleValue(), 1e-6);
            INDArray users = org.teracon.workbench.model.TcnEngine.at(
                    org.teracon.workbench.method.TrainingCore.rowsOf(pass.hidden(), share.group(), l), share.group().count(), l, position);
            INDArray diff = users.mmul(net.params().get(head + ".W")).addRowVector(net.params().get(head + ".b")).subi(y);
            expected += share.weight() * diff.mul(diff).sumNumber().doubleValue();
            INDArray dz = diff.mul(2 * share.weight());
            assertEquals(0, users.transpose().mmul(dz).subi(gradients.get(head + ".W")).norm1Number().doubleValue(), 1e-6, head);
            assertEquals(0, dz.sum(true, 0).subi(gradients.get(head + ".b")).norm1Number().doubleValue(), 1e-6, head);
            org.teracon.workbench.model.TcnEngine.addAt(org.teracon.workbench.method.TrainingCore.rowsOf(expectedDHidden, share.group(), l),
                    share.group().count(), l, position, dz.mmul(net.params().get(head + ".W").transpose()));
            row += share.group().count();
        }
        assertTrue(expected > 0, "the student was moved away from the teacher");
        assertEquals(expected, loss, 1e-6 * expected);
        assertEquals(0, expectedDHidden.sub(dHidden).norm1Number().doubleValue(), 1e-6, "dL/dHidden, batch rows untouched");
    }

    /**
     * The term started on the worker lane, beside a stand-in for the task's loss writing the batch's own
     * rows of dHidden on this thread, gives the same loss, dL/dHidden and head gradients, to the last bit,
     * as the term computed here; the batch's rows hold only what this thread wrote. So does the term with
     * only the old heads' gradients made on the worker lane, beside a stand-in for the backward pass, once
     * the job it hands to the step is done (dL/dHidden complete on return).
     */
    @Test
    void retentionOnTheWorkerLaneEqualsTheTermOnTheStepThread() {
        Fixture f = Fixture.of(5);
        Network net = f.net();
        KnowledgeRetention kr = f.retention();
        Map<Integer, Double> rho = Map.of(0, 0.25, 1, 0.125);
        StepContext step = new StepContext(f.current(), new int[] {0, 1, 2, 3, 4, 5, 6, 7}, new int[8][], 0, 1);
        List<KnowledgeRetention.Share> shares = kr.sample(step, rho, new Random(9)).get(0);
        INDArray pseudo = kr.pseudoLabels(shares, kr.teacherMasks(2.5));
        try (var ws = org.teracon.workbench.model.Workspaces.step()) {
            var pass = net.forward(step.sequences(), org.teracon.workbench.model.BackboneHooks.NONE);
            INDArray dHere = net.zeroHiddenGradient(pass);
            var gHere = new org.teracon.workbench.model.Gradients(n -> true);
            double here = kr.loss(net, shares, pseudo, pass, dHere, gHere);

            INDArray dLane = net.zeroHiddenGradient(pass);
            var gLane = new org.teracon.workbench.model.Gradients(n -> true);
            KnowledgeRetention.Started started = kr.startLoss(net, shares, () -> pseudo, pass, dLane);
            long batchRows = 8L * pass.length();
            INDArray batch = dLane.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, batchRows), org.nd4j.linalg.indexing.NDArrayIndex.all());
            for (int i = 0; i < 50; i++) batch.addi(1); // the task's loss, meanwhile
            double lane = started.finish(gLane);

            assertTrue(here > 0);
            assertEquals(here, lane, 0.0);
            INDArray expected = dHere.dup();
            expected.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, batchRows), org.nd4j.linalg.indexing.NDArrayIndex.all()).addi(50);
            assertEquals(0, expected.sub(dLane).norm1Number().doubleValue(), 0.0, "dL/dHidden");
            assertEquals(gHere.asMap().keySet(), gLane.asMap().keySet());
            assertEquals(List.copyOf(gHere.asMap().keySet()), List.copyOf(gLane.asMap().keySet()), "handed over in the same order");
            for (String name : gHere.asMap().keySet()) {
                assertEquals(0, gHere.get(name).sub(gLane.get(name)).norm1Number().doubleValue(), 0.0, name);
            }

            INDArray dBeside = net.zeroHiddenGradient(pass);
            var gBeside = new org.teracon.workbench.model.Gradients(n -> true);
            List<org.teracon.workbench.model.GemmLanes.Pending> jobs = new java.util.ArrayList<>();
            double beside = kr.lossWithHeadsBeside(net, shares, pseudo, pass, dBeside, gBeside, jobs::add);
            assertFalse(jobs.isEmpty(), "the heads' gradients are handed to the step as work beside it");
            assertEquals(0, dHere.sub(dBeside).norm1Number().doubleValue(), 0.0, "dL/dHidden is complete on return");
            INDArray busy = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 64, 64);
            for (int i = 0; i < 50; i++) busy.mmul(busy); // the backward pass, meanwhile
            jobs.forEach(org.teracon.workbench.model.GemmLanes.Pending::await);
            assertEquals(here, beside, 0.0);
            assertEquals(List.copyOf(gHere.asMap().keySet()), List.copyOf(gBeside.asMap().keySet()), "beside: the same order");
            for (String name : gHere.asMap().keySet()) {
                assertEquals(0, gHere.get(name).sub(gBeside.get(name)).norm1Number().doubleValue(), 0.0, "beside: " + name);
            }
        }
        kr.close();
    }

    /**
     * At ρ = 0.9 two old tasks' 7 + 7 users are more than half a batch of 8: each share runs as a pass of
     * its own (7 + 7 > 8), and the loss and every gradient (backbone, heads, masks) equal those of one
     * pass stacking both below the batch.
     */
    @Test
    void sharesBeyondOneBatchRunInTheirOwnPassWithTheSameLossAndGradients() {
        Fixture f = Fixture.of(6);
        BackboneConfig config = f.config();
        Network net = f.net();
        KnowledgeRetention kr = f.retention();
        int[] users = {0, 1, 2, 3, 4, 5, 6, 7};
        double s = 3;
        try (var ws = org.teracon.workbench.model.Workspaces.step()) {
            StepContext step = new StepContext(f.current(), users, new int[8][], 0, 1);
            List<List<KnowledgeRetention.Share>> passes = kr.sample(step, Map.of(0, 0.9, 1, 0.9), new Random(2));
            assertEquals(3, passes.size());
            assertTrue(passes.get(0).isEmpty(), "nothing stacked below the batch");
            assertEquals(List.of(new StepContext.Group(0, 7)), passes.get(1).stream().map(KnowledgeRetention.Share::group).toList());
            assertEquals(List.of(new StepContext.Group(0, 7)), passes.get(2).stream().map(KnowledgeRetention.Share::group).toList());
            INDArray labels = kr.teach(passes, s).pseudoLabels();
            assertArrayEquals(new long[] {14, f.t0().outputSize() + f.t1().outputSize()}, labels.shape());

            TaskMasks liveA = new TaskMasks(net.params(), 3, false, s);
            GroupMasks hooksA = new GroupMasks(liveA, new int[] {2}, step.groups(), config.maskedLayers(), config.channels());
            var passA = net.forward(step.sequences(), hooksA);
            INDArray dA = net.zeroHiddenGradient(passA);
            org.teracon.workbench.model.Gradients gA = new org.teracon.workbench.model.Gradients(n -> true);
            double krA = 0;
            for (int p = 1; p <= 2; p++) {
                krA += kr.lossInOwnPass(net, passes.get(p), labels.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(7 * (p - 1), 7 * p),
                        org.nd4j.linalg.indexing.NDArrayIndex.all()), liveA, gA);
            }
            net.backward(passA, dA, gA);
            hooksA.backward(gA);

            StepContext stacked = new StepContext(f.current(), users, new int[8][], 0, 1);
            List<KnowledgeRetention.Share> both = new java.util.ArrayList<>();
            for (List<KnowledgeRetention.Share> pass : passes) {
                for (KnowledgeRetention.Share share : pass) {
                    both.add(new KnowledgeRetention.Share(share.task(), stacked.addGroup(share.sequences()), share.sequences(), share.weight()));
                }
            }
            TaskMasks liveB = new TaskMasks(net.params(), 3, false, s);
            GroupMasks hooksB = new GroupMasks(liveB, new int[] {2, 0, 1}, stacked.groups(), config.maskedLayers(), config.channels());
            var passB = net.forward(stacked.sequences(), hooksB);
            INDArray dB = net.zeroHiddenGradient(passB);
            org.teracon.workbench.model.Gradients gB = new org.teracon.workbench.model.Gradients(n -> true);
            double krB = kr.loss(net, both, labels, passB, dB, gB);
            net.backward(passB, dB, gB);
            hooksB.backward(gB);

            assertTrue(krB > 0);
            assertEquals(krB, krA, 1e-6 * krB);
            assertEquals(gB.asMap().keySet(), gA.asMap().keySet());
            for (String name : gB.asMap().keySet()) {
                INDArray b = gB.get(name);
                INDArray a = gA.get(name).reshape(b.shape());
                assertEquals(0, a.sub(b).norm1Number().doubleValue(), 1e-5 * Math.max(1, b.norm1Number().doubleValue()), name);
            }
            assertTrue(gA.get(TaskMasks.embedding(1)).norm1Number().doubleValue() > 0, "the own pass's masks get gradients");
        } finally {
            kr.close();
        }
    }

    /** Two old tasks (next item, age) and the current one (gender) on 8 users; a student moved away from its teacher. */
    /**
     * Drawing the coming steps' users ahead and teaching them in one pass: against step-by-step retention on
     * the same random stream, every step gets the same users, weights and teacher masks and the same
     * pseudo-labels (to float rounding: GEMMs over more rows may sum in another order; equal to the bit at this
     * size), including when ρ changes a later step's share sizes (its draws are then made again from where the
     * stream stood) and when a step needs passes of its own; the stream ends where it would. The look-ahead's
     * teacher runs fewer passes.
     */
    @Test
    void lookAheadGivesEveryStepWhatStepByStepGives() {
        Fixture f = Fixture.of(6);
        KnowledgeRetention stepByStep = new KnowledgeRetention(f.teacher(), List.of(f.t0(), f.t1()), false, KnowledgeRetention.MASK_CACHE_BYTES, 1);
        KnowledgeRetention ahead = new KnowledgeRetention(f.teacher(), List.of(f.t0(), f.t1()), false, KnowledgeRetention.MASK_CACHE_BYTES, 3);
        org.teracon.workbench.method.RunRandom plainStream = new org.teracon.workbench.method.RunRandom(11);
        org.teracon.workbench.method.RunRandom aheadStream = new org.teracon.workbench.method.RunRandom(11);
        int batches = 9;
        java.util.function.IntFunction<int[]> usersOfBatch = b -> new int[] {b % 8, (b + 1) % 8, (b + 3) % 8, (b + 4) % 8, (b + 5) % 8, (b + 6) % 8};
        // shares of 1+1 users stack below a batch of 6; ρ 0.3 → 2 users changes a planned step's sizes; 0.9 → passes of their own
        double[][] rho = {{0.05, 0.1}, {0.05, 0.1}, {0.1, 0.05}, {0.3, 0.1}, {0.05, 0.05}, {0.9, 0.9}, {0.05, 0.1}, {0.1, 0.1}, {0.05, 0.05}};
        java.util.function.IntToDoubleFunction sharpness = b -> Teracon.sharpness(50, true, b, batches);
        for (int b = 0; b < batches; b++) {
            Map<Integer, Double> rates = Map.of(0, rho[b][0], 1, rho[b][1]);
            StepContext plainStep = new StepContext(f.current(), usersOfBatch.apply(b), new int[6][], b, batches, usersOfBatch);
            StepContext aheadStep = new StepContext(f.current(), usersOfBatch.apply(b), new int[6][], b, batches, usersOfBatch);
            KnowledgeRetention.Prepared expected = stepByStep.prepare(plainStep, rates, plainStream, sharpness);
            KnowledgeRetention.Prepared actual = ahead.prepare(aheadStep, rates, aheadStream, sharpness);
            assertEquals(expected.passes().size(), actual.passes().size(), "step " + b);
            for (int p = 0; p < expected.passes().size(); p++) {
                assertEquals(expected.passes().get(p).size(), actual.passes().get(p).size(), "step " + b + " pass " + p);
                for (int g = 0; g < expected.passes().get(p).size(); g++) {
                    KnowledgeRetention.Share e = expected.passes().get(p).get(g);
                    KnowledgeRetention.Share a = actual.passes().get(p).get(g);
                    assertSame(e.task(), a.task());
                    assertEquals(e.group(), a.group());
                    assertTrue(java.util.Arrays.deepEquals(e.sequences(), a.sequences()), "step " + b + ": the same users");
                    assertEquals(e.weight(), a.weight(), 0.0);
                }
            }
            assertEquals(plainStep.groups(), aheadStep.groups());
            INDArray e = expected.teaching().pseudoLabels();
            INDArray a = actual.teaching().pseudoLabels();
            assertArrayEquals(e.shape(), a.shape());
            assertEquals(0, e.sub(a).amaxNumber().doubleValue(), 1e-6, "step " + b + " pseudo-labels");
            for (int t = 0; t < 2; t++) assertArrayEquals(expected.teaching().mask(t), actual.teaching().mask(t));
        }
        assertEquals(plainStream.state(), aheadStream.state(), "the stream ends where step by step leaves it");
        assertTrue(ahead.teacherPasses() < stepByStep.teacherPasses(), ahead.teacherPasses() + " vs " + stepByStep.teacherPasses());
        stepByStep.close();
        ahead.close();
    }

    private record Fixture(TaskData t0, TaskData t1, TaskData current, BackboneConfig config, Network net, Network teacher) {
        static Fixture of(long seed) {
            int[][] sequences = new int[8][];
            for (int u = 0; u < 8; u++) sequences[u] = new int[] {0, 1 + u % 3, 1 + (u * 5) % 4, 2};
            Split none = new Split(new int[0], new int[0], new int[0]);
            TaskData[] tasks = {
                new TaskData(0, new Task("next", TaskKind.NEXT_ITEM, List.of(), new int[0], new int[0], false), none, sequences, 5),
                new TaskData(1, new Task("age", TaskKind.CLASSIFICATION, List.of("a", "b", "c"), new int[] {0, 1}, new int[] {0, 2}, false),
                        none, sequences, 5),
                new TaskData(2, new Task("gender", TaskKind.CLASSIFICATION, List.of("F", "M"), new int[] {0, 1}, new int[] {0, 1}, false),
                        none, sequences, 5)};
            BackboneConfig config = new BackboneConfig(4, 2, List.of(1));
            Random rnd = new Random(seed);
            Network net = Network.create(config, 5, 4, rnd);
            for (int t = 0; t < tasks.length; t++) {
                net.ensureHead(t, tasks[t].outputSize(), rnd);
                TaskMasks.initEmbeddings(net.params(), t, config.maskedLayers(), config.channels(), rnd);
            }
            Network teacher = net.copy();
            for (String name : net.params().names()) net.params().get(name).addi(Nd4j.rand(net.params().get(name).shape()).subi(0.5).muli(0.2));
            return new Fixture(tasks[0], tasks[1], tasks[2], config, net, teacher);
        }

        KnowledgeRetention retention() {
            return new KnowledgeRetention(teacher, List.of(t0, t1), false);
        }
    }

    /** The frozen teacher's masks at one s are made once per stage and equal masks made afresh; another s gets its own. */
    @Test
    void teacherMasksAreKeptPerSharpness() {
        Fixture f = Fixture.of(4);
        KnowledgeRetention kr = f.retention();
        TaskMasks first = kr.teacherMasks(2.5);
        assertSame(first, kr.teacherMasks(2.5));
        TaskMasks other = kr.teacherMasks(7.0);
        assertNotSame(first, other);
        for (double s : new double[] {2.5, 7.0}) {
            TaskMasks fresh = new TaskMasks(f.teacher().params(), 2, false, s);
            for (int t = 0; t < 2; t++) assertArrayEquals(fresh.values(t), kr.teacherMasks(s).values(t), "s " + s + " task " + t);
        }
        assertFalse(java.util.Arrays.deepEquals(first.values(0), other.values(0)));
        kr.close();
    }

    /** Beyond its byte budget the cache keeps what it has and makes further masks afresh each time. */
    @Test
    void teacherMaskCacheStopsAtItsBudget() {
        Fixture f = Fixture.of(4);
        long oneEntry = 2L * f.config().maskedLayers() * 2 * f.config().channels() * Float.BYTES; // values + host copy
        KnowledgeRetention kr = new KnowledgeRetention(f.teacher(), List.of(f.t0(), f.t1()), false, oneEntry);
        TaskMasks kept = kr.teacherMasks(2.5);
        assertSame(kept, kr.teacherMasks(2.5));
        TaskMasks beyond = kr.teacherMasks(7.0);
        assertNotSame(beyond, kr.teacherMasks(7.0));
        for (int t = 0; t < 2; t++) {
            assertArrayEquals(new TaskMasks(f.teacher().params(), 2, false, 7.0).values(t), beyond.values(t));
        }
        kr.close();
    }

    @Test
    void sampleDrawsDistinctIndices() {
        int[] s = KnowledgeRetention.sample(50, 20, new Random(3));
        assertEquals(20, java.util.Arrays.stream(s).distinct().count());
        assertTrue(java.util.Arrays.stream(s).allMatch(i -> i >= 0 && i < 50));
    }
}
