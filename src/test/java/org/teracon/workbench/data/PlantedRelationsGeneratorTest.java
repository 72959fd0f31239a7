package org.teracon.workbench.data;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlantedRelationsGeneratorTest {

    @Test
    void writesALoadableFolderWithThePlantedMatrixAndIsDeterministic(@TempDir Path dir) throws Exception {
        var spec = new PlantedRelationsGenerator.Spec(400, 60, 12);
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        PlantedRelationsGenerator.write(spec, 3, a);
        PlantedRelationsGenerator.write(spec, 3, b);
        PlantedRelationsGenerator.write(spec, 4, c);
        for (String f : List.of("dataset.json", "sequences.csv", "shared_a.csv", "noise.csv", "relations.csv")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + ": same seed, same bytes");
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("sequences.csv")), Files.readAllBytes(c.resolve("sequences.csv"))));

        Dataset ds = DatasetLoader.load(a);
        assertEquals(400, ds.numUsers());
        assertEquals(List.of("next_item", "shared_a", "shared_ab", "shared_bc", "unrelated", "noise"), ds.tasks().stream().map(Task::name).toList());
        assertTrue(ds.task("noise").noisy());
        assertEquals(200, ds.task("noise").numInstances(), 40, "about half the users carry a noise label");

        // the planted matrix: cosines of the factor weights, written and read back
        var r = PlantedRelationsGenerator.readRelations(a.resolve(PlantedRelationsGenerator.RELATIONS_FILE));
        assertEquals(0.8, r.get("shared_a", "shared_ab"), 1e-4);
        assertEquals(0.36, r.get("shared_ab", "shared_bc"), 1e-4);
        assertEquals(0.0, r.get("shared_a", "shared_bc"), 1e-4);
        assertEquals(0.0, r.get("shared_a", "unrelated"), 1e-4);
        assertEquals(0.5, r.get("next_item", "unrelated"), 1e-4);
        assertEquals(0.0, r.get("noise", "next_item"), 0);
        assertEquals(1.0, r.get("noise", "noise"), 0);
    }

    /** The planted overlap shows in the labels: tasks sharing a factor are dependent, tasks sharing none are not. */
    @Test
    void labelsFollowTheirFactors(@TempDir Path dir) {
        PlantedRelationsGenerator.write(new PlantedRelationsGenerator.Spec(3000, 60, 12), 5, dir);
        Dataset ds = DatasetLoader.load(dir);
        int[] a = ds.task("shared_a").labels();
        int[] ab = ds.task("shared_ab").labels();
        int[] bc = ds.task("shared_bc").labels();
        // the class directions differ per task, so compare dependence: a and ab share factor 0, a and bc share nothing
        double miAAb = mutualInformation(a, ab, 4);
        double miABc = mutualInformation(a, bc, 4);
        assertTrue(miAAb > 0.03, "shared_a and shared_ab share factor 0: MI " + miAAb);
        assertTrue(miABc < 0.01, "shared_a and shared_bc share no factor: MI " + miABc);
    }

    static double mutualInformation(int[] x, int[] y, int k) {
        double[][] joint = new double[k][k];
        for (int i = 0; i < x.length; i++) joint[x[i]][y[i]] += 1.0 / x.length;
        double mi = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double px = 0;
                double py = 0;
                for (int q = 0; q < k; q++) {
                    px += joint[i][q];
                    py += joint[q][j];
                }
                if (joint[i][j] > 0) mi += joint[i][j] * Math.log(joint[i][j] / (px * py));
            }
        }
        return mi;
    }
}
