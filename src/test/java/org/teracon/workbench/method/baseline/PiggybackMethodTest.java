package org.teracon.workbench.method.baseline;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.Targets;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.model.EmbeddingLookup;
import org.teracon.workbench.model.GraphVariables;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.ParameterStore;
import org.teracon.workbench.model.TaskHead;
import org.teracon.workbench.model.TcnBackbone;

class PiggybackMethodTest {

    @Test
    void backboneStaysBitIdenticalAndEachTaskLearnsItsOwnMask() {
        List<TaskData> tasks = Fixture.tasks("next_item", "taste_group", "side_group");
        PiggybackMethod m = PiggybackMethod.fromParams(Fixture.BACKBONE, ParamValues.none());
        var env = Fixture.env(4);
        m.learn(tasks.subList(0, 1), env);
        ParameterStore afterT1 = m.network().params().copy();
        Fixture.learnUpTo(m, tasks, 1, 2, env);

        for (String name : afterT1.names()) {
            assertArrayEquals(Fixture.values(afterT1, name), Fixture.values(m.network().params(), name), 0f, name + " moved");
        }
        int differ = 0;
        int dropped = 0;
        for (int b = 0; b < Fixture.BACKBONE.blocks(); b++) {
            for (int k = 0; k < 2; k++) {
                float[] m1 = Fixture.values(m.mask(1, b, k));
                float[] m2 = Fixture.values(m.mask(2, b, k));
                for (int i = 0; i < m1.length; i++) {
                    if (m1[i] != m2[i]) differ++;
                    if (m1[i] == 0f) dropped++;
                }
                INDArray w = m.network().params().get(TcnBackbone.convWeight(b, k));
                assertArrayEquals(Fixture.values(w.mul(m.mask(2, b, k))),
                        Fixture.values(m.network().params(), PiggybackMethod.effective(2, b, k)), 0f, "W_eff = W ⊙ m");
            }
        }
        assertTrue(dropped > 0, "T2's mask must have switched some weights off");
        assertTrue(differ > 0, "T2 and T3 must learn different masks");
    }

    /**
     * The straight-through score gradient equals the derivative of the loss with respect to a real-valued
     * mask m in W ⊙ m, checked by central differences on the entries with the largest gradient.
     */
    @Test
    void scoreGradientMatchesFiniteDifferencesInMaskSpace() {
        List<TaskData> tasks = Fixture.tasks("next_item", "taste_group");
        PiggybackMethod m = PiggybackMethod.fromParams(Fixture.BACKBONE, ParamValues.none());
        Fixture.learnUpTo(m, tasks, 0, 1, Fixture.env(5));
        TaskData task = tasks.get(1);
        Network net = m.network();

        SameDiff sd = SameDiff.create();
        GraphVariables v = new GraphVariables(sd, net.params());
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, net.config().channels(), net.sequenceLength());
        var rows = task.byUser(task.split().train());
        int n = Math.min(16, rows.size());
        int[] users = java.util.Arrays.copyOf(rows.users(), n);
        int[][] labels = java.util.Arrays.copyOf(rows.labels(), n);
        int[][] seqs = task.sequencesOf(users);
        SDVariable targets = sd.constant(Targets.labels(labels, task.outputSize()));
        SDVariable logits = net.trainingLogits(v, x, task.kind(), 1, m.hooks(v, 1));
        SDVariable loss = TaskHead.softTargetCrossEntropy(sd, logits, targets).rename("fdLoss");
        sd.setLossVariables("fdLoss");
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("x", EmbeddingLookup.embed(net.params().get(TcnBackbone.EMBEDDING), seqs));

        String eff = PiggybackMethod.effective(1, 0, 1);
        Map<String, INDArray> grads = new HashMap<>(sd.calculateGradients(ph, eff));
        m.toScoreGradients(grads, 1);
        float[] scoreGrad = Fixture.values(grads.get(PiggybackMethod.scores(1, 0, 1)));
        assertFalse(grads.containsKey(eff), "the effective weight itself is never stepped");

        INDArray effArr = net.params().get(eff);
        INDArray original = effArr.dup();
        float[] w = Fixture.values(net.params(), TcnBackbone.convWeight(0, 1));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scoreGrad.length; i++) order.add(i);
        order.sort((a, b) -> Float.compare(Math.abs(scoreGrad[b]), Math.abs(scoreGrad[a])));
        double eps = 1e-2;
        int checked = 0;
        for (int i : order.subList(0, 5)) {
            float[] base = Fixture.values(original);
            float[] plus = base.clone();
            float[] minus = base.clone();
            plus[i] += (float) (eps * w[i]);
            minus[i] -= (float) (eps * w[i]);
            effArr.assign(org.nd4j.linalg.factory.Nd4j.create(plus, effArr.shape(), 'c'));
            double lp = sd.output(ph, "fdLoss").get("fdLoss").getDouble(0);
            effArr.assign(org.nd4j.linalg.factory.Nd4j.create(minus, effArr.shape(), 'c'));
            double lm = sd.output(ph, "fdLoss").get("fdLoss").getDouble(0);
            double numeric = (lp - lm) / (2 * eps);
            assertEquals(numeric, scoreGrad[i], 0.05 * Math.abs(numeric) + 1e-4, "entry " + i);
            checked++;
        }
        effArr.assign(original);
        assertEquals(5, checked);
        assertTrue(Math.abs(scoreGrad[order.get(0)]) > 1e-3, "a vanishing gradient would make the check vacuous");
    }
}
