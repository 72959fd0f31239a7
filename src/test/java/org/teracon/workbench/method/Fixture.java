package org.teracon.workbench.method;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.data.Splits;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.TrainingMonitor;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.model.ParameterStore;

/** The bundled sample with a tiny backbone and schedule, split as the runner splits it. */
public final class Fixture {
    public static final BackboneConfig BACKBONE = new BackboneConfig(8, 3, List.of(1));
    public static final TrainingConfig TRAINING = new TrainingConfig(2, 2, 2, 32, 32, 3e-3, 3e-3, 256);
    private static Dataset dataset;

    private Fixture() {
    }

    public static synchronized Dataset dataset() {
        if (dataset == null) dataset = DatasetLoader.load(Path.of("sample-datasets/synthetic"));
        return dataset;
    }

    public static List<TaskData> tasks(String... names) {
        Dataset d = dataset();
        List<TaskData> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            var t = d.task(names[i]);
            out.add(new TaskData(i, t, Splits.split(t, 42 + i), d.sequences(), d.vocabularySize()));
        }
        return out;
    }

    public static MethodEnvironment env(long seed) {
        return new MethodEnvironment(TRAINING, TrainingMonitor.NONE, new Random(seed));
    }

    /** Learns the stages up to and including {@code stage}, in order. */
    public static void learnUpTo(ContinualMethod m, List<TaskData> tasks, int fromStage, int toStage, MethodEnvironment env) {
        for (int s = fromStage; s <= toStage; s++) m.learn(tasks.subList(0, s + 1), env);
    }

    public static int[] testUsers(TaskData t) {
        return java.util.Arrays.stream(t.split().test()).map(i -> t.task().users()[i]).distinct().toArray();
    }

    public static float[] values(ParameterStore p, String name) {
        return p.get(name).dup('c').data().asFloat();
    }

    public static float[] values(org.nd4j.linalg.api.ndarray.INDArray a) {
        return a.dup('c').data().asFloat();
    }
}
