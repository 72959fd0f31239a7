package org.teracon.workbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** BPR's analytic gradient (head weight, bias and input rows) against central differences, in double precision. */
class BprLossTest {

    @Test
    void gradientMatchesCentralDifferences() {
        Random r = new Random(3);
        int n = 4;
        int c = 5;
        int classes = 7;
        ParameterStore p = new ParameterStore();
        p.put(TaskHead.weight("h"), rand(r, c, classes));
        p.put(TaskHead.bias("h"), rand(r, 1, classes));
        INDArray rows = rand(r, n, c);
        int[] rowOf = {0, 0, 1, 2, 3, 3};
        int[] pos = {1, 4, 2, 0, 6, 3};
        int[] neg = {3, 3, 5, 6, 1, 0};

        Gradients g = new Gradients(name -> true);
        INDArray dRows = rows.ulike().assign(0);
        Readouts.bpr(p, "h", rows, rowOf, pos, neg, dRows, g);

        double eps = 1e-6;
        for (String name : new String[] {TaskHead.weight("h"), TaskHead.bias("h")}) {
            INDArray param = p.get(name);
            INDArray grad = g.get(name).reshape(param.shape());
            for (int i = 0; i < param.length(); i++) {
                double numeric = central(param, i, eps, () -> Readouts.bpr(p, "h", rows, rowOf, pos, neg, null, new Gradients(x -> false)));
                assertEquals(numeric, grad.getDouble(i), 1e-7, name + "[" + i + "]");
            }
        }
        for (int i = 0; i < rows.length(); i++) {
            double numeric = central(rows, i, eps, () -> Readouts.bpr(p, "h", rows, rowOf, pos, neg, null, new Gradients(x -> false)));
            assertEquals(numeric, dRows.getDouble(i), 1e-7, "rows[" + i + "]");
        }
    }

    @Test
    void valueIsTheMeanSoftplusOfTheNegatedMargin() {
        ParameterStore p = new ParameterStore();
        p.put(TaskHead.weight("h"), Nd4j.createFromArray(new double[][] {{1, 0, -1}}));
        p.put(TaskHead.bias("h"), Nd4j.createFromArray(new double[][] {{0, 0, 0}}));
        INDArray rows = Nd4j.createFromArray(new double[][] {{2}});
        // logits (2, 0, −2): pairs (0 over 2): margin 4; (1 over 0): margin −2
        double loss = Readouts.bpr(p, "h", rows, new int[] {0, 0}, new int[] {0, 1}, new int[] {2, 0}, null, new Gradients(x -> false));
        assertEquals((Math.log1p(Math.exp(-4)) + Math.log1p(Math.exp(2))) / 2, loss, 1e-12);
    }

    private static double central(INDArray a, int i, double eps, java.util.function.DoubleSupplier f) {
        double v = a.getDouble(i);
        a.putScalar(i, v + eps);
        double up = f.getAsDouble();
        a.putScalar(i, v - eps);
        double down = f.getAsDouble();
        a.putScalar(i, v);
        return (up - down) / (2 * eps);
    }

    private static INDArray rand(Random r, int rows, int cols) {
        double[][] v = new double[rows][cols];
        for (double[] row : v) for (int j = 0; j < cols; j++) row[j] = r.nextGaussian();
        return Nd4j.createFromArray(v).castTo(DataType.DOUBLE);
    }
}
