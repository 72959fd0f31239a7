package org.teracon.workbench.method.baseline;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.teracon.workbench.method.Fixture;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.Targets;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.TrainingMonitor;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.Readouts;
import org.teracon.workbench.model.TcnEngine;

/**
 * HAT picks its epoch as hat.py does: by the validation loss (cross-entropy + λ·regulariser at s_max),
 * not by a ranking metric that ties on a few validation users. Every epoch's reported score must be
 * minus that loss computed here independently, and the parameters kept must be those of the epoch with
 * the lowest loss.
 */
class HatValidationTest {

    /** Cross-entropy of the task's head on its validation users with its gates at s_max, computed directly. */
    static double validationCrossEntropy(HatMethod m, TaskData task) {
        TaskData.UserLabels rows = task.byUser(task.split().validation());
        int[][] seqs = task.sequencesOf(rows.users());
        INDArray targets = Targets.labels(rows.labels(), task.outputSize());
        TcnEngine.Pass pass = m.network().forward(seqs, m.hooks(task.stage(), 400));
        int l = pass.length();
        INDArray users = TcnEngine.at(pass.hidden(), seqs.length, l, l - 1);
        return Readouts.softCrossEntropy(m.network().params(), Network.headName(task.stage()), users, targets,
                users.ulike().assign(0), new Gradients(n -> false));
    }

    @Test
    void keepsTheEpochWithTheLowestValidationLoss() {
        List<TaskData> tasks = Fixture.tasks("next_item", "taste_group");
        HatMethod m = HatMethod.fromParams(Fixture.BACKBONE, ParamValues.none());
        List<double[]> epochs = new ArrayList<>(); // {reported score, independent CE + λ·reg}
        List<Double> crossEntropies = new ArrayList<>();
        TrainingMonitor monitor = new TrainingMonitor() {
            @Override
            public void epochFinished(int stage, int epoch, Map<String, Double> losses, double score, boolean improved, double secs) {
                if (stage != 1) return;
                double ce = validationCrossEntropy(m, tasks.get(1));
                double reg = m.regulariser(m.hooks(1, 400), new Gradients(n -> false));
                crossEntropies.add(ce);
                epochs.add(new double[] {score, ce + reg});
            }
        };
        TrainingConfig training = new TrainingConfig(2, 6, 2, 32, 32, 3e-3, 3e-3, 256);
        MethodEnvironment env = new MethodEnvironment(training, monitor, new Random(5));
        m.learn(tasks.subList(0, 1), env);
        m.learn(tasks, env);

        assertTrue(epochs.size() >= 2, "needs several epochs to choose from: " + epochs.size());
        int best = 0;
        for (int e = 0; e < epochs.size(); e++) {
            assertEquals(-epochs.get(e)[1], epochs.get(e)[0], 1e-4, "epoch " + (e + 1) + ": the score is minus hat.py's validation loss");
            if (epochs.get(e)[0] > epochs.get(best)[0]) best = e;
        }
        assertEquals(crossEntropies.get(best), validationCrossEntropy(m, tasks.get(1)), 1e-5,
                "kept epoch " + (best + 1) + " of " + Arrays.toString(crossEntropies.toArray()));
    }
}
