package org.teracon.workbench.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.model.AdamOptimizer;
import org.teracon.workbench.model.ParameterStore;
import org.teracon.workbench.model.SgdOptimizer;

/** The pieces of an epoch checkpoint: the random stream, the optimisers' state and the epoch loop's resume. */
class CheckpointResumeTest {

    @Test
    void runRandomDrawsJavaUtilRandomsNumbersAndRestoresInPlace() {
        Random plain = new Random(42);
        RunRandom run = new RunRandom(42);
        for (int i = 0; i < 1000; i++) {
            assertEquals(plain.nextInt(97), run.nextInt(97));
            assertEquals(plain.nextGaussian(), run.nextGaussian());
            assertEquals(plain.nextDouble(), run.nextDouble());
        }
        run.nextGaussian(); // leaves a pending Gaussian: part of the state
        RunRandom.State s = run.state();
        double[] next = {run.nextGaussian(), run.nextDouble(), run.nextLong()};
        run.restore(s);
        assertArrayEquals(next, new double[] {run.nextGaussian(), run.nextDouble(), run.nextLong()});
    }

    @Test
    void adamContinuesFromItsStateExactlyAsWithoutTheBreak() {
        INDArray p1 = Nd4j.createFromArray(0.5f, -1f, 2f);
        INDArray p2 = p1.dup();
        AdamOptimizer a = new AdamOptimizer(0.01);
        for (int i = 0; i < 3; i++) a.step("w", p1, Nd4j.createFromArray(0.1f * i, -0.2f, 0.3f));
        java.io.Serializable state = a.state();
        INDArray atBreak = p1.dup();
        a.step("w", p1, Nd4j.createFromArray(0.7f, 0.1f, -0.4f));

        AdamOptimizer resumed = new AdamOptimizer(0.01);
        resumed.restore(state);
        p2.assign(atBreak);
        resumed.step("w", p2, Nd4j.createFromArray(0.7f, 0.1f, -0.4f));
        assertArrayEquals(p1.toFloatVector(), p2.toFloatVector(), 0f);
    }

    @Test
    void sgdKeepsItsLoweredLearningRate() {
        SgdOptimizer sgd = new SgdOptimizer(0.05);
        sgd.learningRate(0.0125);
        SgdOptimizer resumed = new SgdOptimizer(0.05);
        resumed.restore(sgd.state());
        assertEquals(0.0125, resumed.learningRate());
    }

    /** A loop whose "training" adds the shuffled rows' sum to one parameter: any wrong order or count shows. */
    private static StageTrainer.Outcome loop(ParameterStore p, RunRandom rnd, Checkpointer checkpointer, List<Integer> epochsSeen) {
        TrainingConfig training = Fixture.TRAINING;
        StageTrainer.BatchStep step = batch -> {
            double w = p.get("w").getDouble(0);
            for (int r : batch.rows()) w = w * 0.999 + r * (batch.index() + 1);
            p.get("w").putScalar(0, w);
            return Map.of(LossTerm.TOTAL, w);
        };
        TrainingMonitor monitor = new TrainingMonitor() {
            @Override
            public void epochFinished(int s, int epoch, Map<String, Double> means, double score, boolean improved, double seconds) {
                epochsSeen.add(epoch);
            }
        };
        return StageTrainer.fit(1, 7, step, () -> p.get("w").getDouble(0) % 10, List.of(p),
                new MethodEnvironment(training, monitor, rnd, checkpointer), null, (improved, stale) -> false);
    }

    @Test
    void theEpochLoopResumesAtTheEpochAfterItsCheckpoint() {
        List<Checkpointer.EpochState> saved = new ArrayList<>();
        Checkpointer recording = stage -> new Checkpointer.Session() {
            @Override
            public Checkpointer.EpochState resumePoint() {
                return null;
            }

            @Override
            public void epochEnded(Checkpointer.EpochState state) {
                saved.add(state);
            }
        };
        ParameterStore whole = store();
        List<Integer> wholeEpochs = new ArrayList<>();
        StageTrainer.Outcome unbroken = loop(whole, new RunRandom(3), recording, wholeEpochs);
        int epochs = Fixture.TRAINING.epochsFor(1);
        assertEquals(epochs, saved.size());

        Checkpointer.EpochState afterFirst = saved.get(0);
        Checkpointer resuming = stage -> new Checkpointer.Session() {
            @Override
            public Checkpointer.EpochState resumePoint() {
                return afterFirst;
            }

            @Override
            public void epochEnded(Checkpointer.EpochState state) {
            }
        };
        ParameterStore resumed = store();
        resumed.get("w").putScalar(0, 12345); // whatever the stage's setup left: the checkpoint's values win
        List<Integer> resumedEpochs = new ArrayList<>();
        StageTrainer.Outcome after = loop(resumed, new RunRandom(99), resuming, resumedEpochs);
        assertEquals(wholeEpochs.subList(1, wholeEpochs.size()), resumedEpochs);
        assertEquals(whole.get("w").getDouble(0), resumed.get("w").getDouble(0), 0.0);
        assertEquals(unbroken.bestEpoch(), after.bestEpoch());
        assertEquals(unbroken.bestScore(), after.bestScore(), 0.0);
        assertEquals(unbroken.epochsRun(), after.epochsRun());
    }

    private static ParameterStore store() {
        ParameterStore p = new ParameterStore();
        p.put("w", Nd4j.zeros(DataType.DOUBLE, 1));
        return p;
    }
}
