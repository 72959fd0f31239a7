package org.teracon.workbench.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.teracon.workbench.model.AdamOptimizer;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.model.GemmLanes;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.ParameterStore;
import org.teracon.workbench.model.TaskHead;
import org.teracon.workbench.model.TcnEngine;

/**
 * One training step of the core with a head whose update starts early (beside the backward pass) and
 * with work a plugin puts beside the step: a non-finite early gradient still skips the whole step, and
 * the step reads no gradient before the work beside it has written it.
 */
class EarlyUpdateStepTest {
    /** 32 channels: the next-item head (32 × vocabulary) is above Adam's pack size, so it goes early. */
    private static final BackboneConfig BACKBONE = new BackboneConfig(32, 3, List.of(1));

    private static Network network(TaskData task) {
        Random rnd = new Random(3);
        Network net = Network.create(BACKBONE, task.vocabularySize(), task.sequenceLength(), rnd);
        net.ensureHead(0, task.outputSize(), rnd);
        return net;
    }

    private static StepContext step(TaskData task) {
        TaskData.UserLabels rows = task.byUser(task.split().train());
        int n = 16;
        int[] users = java.util.Arrays.copyOf(rows.users(), n);
        int[][] labels = java.util.Arrays.copyOf(rows.labels(), n);
        return new StepContext(task, users, labels, 0, 1);
    }

    private static String headWeight() {
        return TaskHead.weight(Network.headName(0));
    }

    private static String headBias() {
        return TaskHead.bias(Network.headName(0));
    }

    /** Marks the head's weight final after the losses and edits a gradient there ({@code edit}, on this thread or beside). */
    private record HeadEdit(java.util.function.BiConsumer<StepContext, Gradients> edit) implements StagePlugin {
        @Override
        public void addLosses(StepContext step, TcnEngine.Pass pass, INDArray dHidden, Gradients gradients) {
            edit.accept(step, gradients);
            step.gradientsFinal(List.of(headWeight()));
        }
    }

    private static Map<LossTerm, Double> runStep(Network net, TaskData task, StagePlugin plugin, boolean backboneTrains) {
        TrainingCore.Stage stage = new TrainingCore.Stage(net, task, p -> backboneTrains || p.startsWith("head"), List.of(plugin), () -> 0.0,
                List.of(net.params()));
        return TrainingCore.run(stage, step(task), new AdamOptimizer(1e-2), backboneTrains);
    }

    @Test
    void aNonFiniteGradientOfAnEarlyUpdateSkipsTheWholeStep() {
        TaskData task = Fixture.tasks("next_item").get(0);
        Network net = network(task);
        assertTrue(net.params().get(headWeight()).length() > 4096, "the head is large enough to be updated early");
        ParameterStore before = net.params().copy();
        Map<LossTerm, Double> losses = runStep(net, task, new HeadEdit((step, g) -> g.get(headWeight()).putScalar(7, Double.NaN)), true);
        assertTrue(Double.isNaN(losses.get(LossTerm.TOTAL)), "the step is reported skipped");
        for (String name : before.names()) {
            assertArrayEquals(Fixture.values(before, name), Fixture.values(net.params(), name), 0f, name + " is unchanged");
        }
    }

    /**
     * A job beside the step writes a NaN into a gradient 300 ms later: the step still sees it (its NaN check
     * runs on the step's thread once the job is done) and is skipped. The backbone is frozen, so no backward
     * pass queues GEMMs behind the job on the worker lane and waits for them: without its own wait the step
     * would check the gradient before the NaN and update.
     */
    @Test
    void theStepWaitsForWorkBesideItBeforeCheckingTheGradientsItWrites() {
        TaskData task = Fixture.tasks("next_item").get(0);
        Network net = network(task);
        ParameterStore before = net.params().copy();
        Map<LossTerm, Double> losses = runStep(net, task, new HeadEdit((step, g) -> step.besideStep(GemmLanes.background(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            g.get(headBias()).putScalar(0, Double.NaN);
        }))), false);
        assertTrue(Double.isNaN(losses.get(LossTerm.TOTAL)), "the NaN written beside the step was seen");
        for (String name : before.names()) {
            assertArrayEquals(Fixture.values(before, name), Fixture.values(net.params(), name), 0f, name + " is unchanged");
        }
    }
}
