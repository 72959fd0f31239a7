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
        KnowledgeRetention kr = new KnowledgeRetention(teacher, List.of(old0, old1), false);

        Map<Integer, Double> rho = new LinkedHashMap<>();
        rho.put(0, 0.3);
        rho.put(1, 0.04);
        StepContext step = new StepContext(old1, users, new int[users.length][], 0, 1);
        List<KnowledgeRetention.Share> shares = kr.sample(step, rho, new Random(1));

        // task 0: round(0.3·10) = 3 users, weight (0.3/0.34) / (3 users · 2 classes)
        assertArrayEquals(new long[] {3, 1}, shares.get(0).weights().shape());
        assertEquals(0.3 / 0.34 / 6, shares.get(0).weights().getDouble(0), 1e-6);
        // task 1: round(0.4) = 0, but every old task keeps at least one user; weight (0.04/0.34) / (1 · 3)
        assertArrayEquals(new long[] {1, 1}, shares.get(1).weights().shape());
        assertEquals(0.04 / 0.34 / 3, shares.get(1).weights().getDouble(0), 1e-6);
        // the groups are stacked below the batch's 10 sequences, in task order
        assertEquals(new StepContext.Group(10, 3), shares.get(0).group());
        assertEquals(new StepContext.Group(13, 1), shares.get(1).group());
        // the stacked sequences are exactly the sampled users'
        int[][] stacked = step.sequences();
        for (int i = 0; i < 3; i++) assertTrue(java.util.Arrays.asList(sequences).contains(stacked[10 + i]), "row " + (10 + i));
        assertArrayEquals(stacked[10], shares.get(0).sequences()[0]);
    }

    @Test
    void sampleDrawsDistinctIndices() {
        int[] s = KnowledgeRetention.sample(50, 20, new Random(3));
        assertEquals(20, java.util.Arrays.stream(s).distinct().count());
        assertTrue(java.util.Arrays.stream(s).allMatch(i -> i >= 0 && i < 50));
    }
}
