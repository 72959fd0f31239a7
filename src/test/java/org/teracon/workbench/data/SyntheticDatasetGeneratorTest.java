package org.teracon.workbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.SharedData;

class SyntheticDatasetGeneratorTest {

    static final Path SAMPLE = SharedData.projectRoot().resolve("sample-datasets/synthetic");
    static final long SAMPLE_SEED = 7;
    static Dataset ds;

    @BeforeAll
    static void generate() {
        ds = SyntheticDatasetGenerator.generate(SyntheticSpec.defaults(), SAMPLE_SEED);
    }

    @Test
    void shapeAndTasks() {
        assertEquals(600, ds.numUsers());
        assertEquals(151, ds.vocabularySize());
        assertEquals(20, ds.sequenceLength());
        assertEquals(List.of("next_item", "liked_items", "taste_group", "side_group", "noise"),
                ds.tasks().stream().map(Task::name).toList());
        assertEquals(TaskKind.ITEM, ds.task("liked_items").kind());
        assertEquals(1800, ds.task("liked_items").numInstances());
        Task noise = ds.task("noise");
        assertTrue(noise.noisy());
        assertEquals(300, noise.numInstances());
        assertEquals(50, noise.numClasses());
        for (int[] seq : ds.sequences()) {
            assertTrue(seq[seq.length - 1] != 0 && seq[10] != 0, "at least half the length is filled");
        }
        // liked items are, by construction, never in the user's own sequence
        MovieLensImporterTest.assertNoLabelInOwnSequence(ds, ds.task("liked_items"));
    }

    @Test
    void sameSeedSameDatasetOtherSeedDifferent() {
        DatasetFolderTest.assertSameData(ds, SyntheticDatasetGenerator.generate(SyntheticSpec.defaults(), SAMPLE_SEED));
        Dataset other = SyntheticDatasetGenerator.generate(SyntheticSpec.defaults(), SAMPLE_SEED + 1);
        assertTrue(!Arrays.deepEquals(ds.sequences(), other.sequences()));
    }

    /**
     * The planted structure is visible without a model: nearest-centroid on L2-normalised item
     * counts predicts the taste and side groups far above chance, and the noise task at chance.
     */
    @Test
    void plantedStructureIsLearnableModelFree() {
        double taste = nearestCentroidAccuracy(ds, ds.task("taste_group"));
        double side = nearestCentroidAccuracy(ds, ds.task("side_group"));
        double noise = nearestCentroidAccuracy(ds, ds.task("noise"));
        System.out.printf("nearest-centroid accuracy: taste %.3f (chance 0.25), side %.3f (chance 0.33), "
                + "noise %.3f (chance 0.02)%n", taste, side, noise);
        assertTrue(taste > 0.7, "taste_group accuracy " + taste);
        assertTrue(side > 0.6, "side_group accuracy " + side);
        assertTrue(noise < 0.1, "noise accuracy " + noise);
    }

    @Test
    void sideGroupIsIndependentOfTaste() {
        int[] taste = ds.task("taste_group").labels();
        int[] side = ds.task("side_group").labels();
        for (int t = 0; t < 4; t++) {
            int[] counts = new int[3];
            int total = 0;
            for (int u = 0; u < taste.length; u++) {
                if (taste[u] == t) {
                    counts[side[u]]++;
                    total++;
                }
            }
            int max = Arrays.stream(counts).max().orElseThrow();
            assertTrue(max < 0.5 * total, "taste " + t + " side counts " + Arrays.toString(counts));
        }
    }

    static double nearestCentroidAccuracy(Dataset ds, Task task) {
        double[][] features = new double[ds.numUsers()][ds.vocabularySize()];
        for (int u = 0; u < ds.numUsers(); u++) {
            for (int item : ds.sequences()[u]) {
                if (item != 0) {
                    features[u][item]++;
                }
            }
            double norm = Math.sqrt(Arrays.stream(features[u]).map(x -> x * x).sum());
            for (int i = 0; i < features[u].length; i++) {
                features[u][i] /= norm;
            }
        }
        Split split = Splits.split(task, 1);
        int[] train = concat(split.train(), split.validation());
        double[][] centroid = new double[task.numClasses()][ds.vocabularySize()];
        for (int inst : train) {
            double[] f = features[task.users()[inst]];
            for (int i = 0; i < f.length; i++) {
                centroid[task.labels()[inst]][i] += f[i];
            }
        }
        for (double[] c : centroid) {
            double norm = Math.sqrt(Arrays.stream(c).map(x -> x * x).sum());
            for (int i = 0; i < c.length; i++) {
                c[i] = norm == 0 ? 0 : c[i] / norm;
            }
        }
        int correct = 0;
        for (int inst : split.test()) {
            double[] f = features[task.users()[inst]];
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < centroid.length; c++) {
                double s = 0;
                for (int i = 0; i < f.length; i++) {
                    s += f[i] * centroid[c][i];
                }
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            correct += best == task.labels()[inst] ? 1 : 0;
        }
        return correct / (double) split.test().length;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void committedSampleMatchesAFreshGeneration() {
        // committed with the code, so its absence is a failure, never a skip
        assertTrue(Files.isRegularFile(SAMPLE.resolve("dataset.json")), "the committed sample is missing at " + SAMPLE);
        DatasetFolderTest.assertSameData(ds, DatasetFolder.read(SAMPLE));
    }
}
