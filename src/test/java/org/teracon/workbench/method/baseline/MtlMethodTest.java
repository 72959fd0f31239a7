package org.teracon.workbench.method.baseline;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.Fixture;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.TrainingMonitor;
import org.teracon.workbench.model.ParameterStore;
import org.teracon.workbench.model.RankingMetrics;

class MtlMethodTest {

    @Test
    void copiesTrainJointlyAndKeepTheirTaskOneHeadWorking() {
        List<TaskData> tasks = Fixture.tasks("next_item", "taste_group");
        MtlMethod m = new MtlMethod(Fixture.BACKBONE);
        List<Map<String, Double>> losses = new ArrayList<>();
        TrainingMonitor monitor = new TrainingMonitor() {
            @Override
            public void batchFinished(int stage, int epoch, int batch, int batches, Map<String, Double> l) {
                if (stage == 1) losses.add(l);
            }
        };
        var env = new MethodEnvironment(Fixture.TRAINING, monitor, new Random(6));
        m.learn(tasks.subList(0, 1), env);
        ParameterStore t1 = m.network(0).params().copy();
        m.learn(tasks, env);

        for (String name : t1.names()) {
            assertArrayEquals(Fixture.values(t1, name), Fixture.values(m.network(0).params(), name), 0f, "the T1 model is untouched");
        }
        assertFalse(java.util.Arrays.equals(Fixture.values(t1, "head0.W"), Fixture.values(m.network(1).params(), "head0.W")),
                "the copy's T1 head trains jointly");
        assertTrue(losses.stream().allMatch(l -> l.containsKey("t1") && Double.isFinite(l.get("t1"))));
        double total = losses.get(0).get("total");
        assertEquals(losses.get(0).get("class") + losses.get(0).get("t1"), total, 1e-4, "the loss is L_Tk + L_T1");

        int[] users = Fixture.testUsers(tasks.get(0));
        double original = mrr(m.predict(0, tasks.get(0).sequencesOf(users)), tasks.get(0), users);
        double copy = mrr(m.predictFirstTaskWith(1, users), tasks.get(0), users);
        assertTrue(original > 0.02, "T1 learned something: " + original);
        assertTrue(copy > 0.5 * original, "the copy still recommends: " + copy + " vs " + original);
    }

    /** MRR@5 of the held-out last item over all items (padding excluded), as the evaluator ranks it. */
    static double mrr(org.nd4j.linalg.api.ndarray.INDArray logits, TaskData t1, int[] users) {
        int[] ranks = new int[users.length];
        int l = t1.sequenceLength();
        for (int r = 0; r < users.length; r++) {
            ranks[r] = RankingMetrics.rank(logits.getRow(r).dup().data().asFloat(), t1.sequences()[users[r]][l - 1], 1);
        }
        return RankingMetrics.summarize(ranks).get(RankingMetrics.MRR5);
    }
}
