package org.teracon.workbench.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A synthetic dataset folder of any size with a known task-relation matrix, written user by user (only one
 * user's state is in memory, so 100k+ users take seconds and little heap). Every user has {@value #FACTORS}
 * latent factors f_k (Gaussian in R^{@value #DIM}); items have one vector per factor, and the behaviour
 * sequence is drawn without repetition from softmax(β·Σ_k ⟨item_k, f_k⟩ + a bonus for the item following
 * the previous one), so every factor shows in the sequences. Each label task t has a weight vector w_t over
 * the factors; its label is argmax_c ⟨q_tc, Σ_k w_tk f_k⟩ over {@value #CLASSES} random class directions.
 * The planted relation of tasks s and t is cos(w_s, w_t): overlapping weights mean shared factors.
 *
 * <p>Tasks: {@code next_item} (all factors), {@code shared_a} (factor 0), {@code shared_ab} (0 and 1,
 * related to shared_a), {@code shared_bc} (1 and 2, related to shared_ab, not to shared_a),
 * {@code unrelated} (factor 3 alone, learnable but shares nothing with the shared_* tasks) and
 * {@code noise} (random labels for half the users: relation 0 to every task). Written files:
 * dataset.json, items.csv, sequences.csv, one CSV per task, and relations.csv (the planted matrix).
 * Uses {@link Random} and {@link StrictMath} only, so a seed gives the same files on any JVM.
 */
public final class PlantedRelationsGenerator {
    public static final int FACTORS = 4;
    public static final int DIM = 8;
    public static final int CLASSES = 4;
    public static final int NOISE_CLASSES = 50;
    static final double BETA = 1.5;
    static final double TRANSITION_BONUS = 3.0;
    public static final String RELATIONS_FILE = "relations.csv";

    /** A task's name and its weights over the factors (null: random labels). */
    public record PlantedTask(String name, double[] weights) {
    }

    public static final List<PlantedTask> TASKS = List.of(
            new PlantedTask("next_item", new double[] {1, 1, 1, 1}),
            new PlantedTask("shared_a", new double[] {1, 0, 0, 0}),
            new PlantedTask("shared_ab", new double[] {0.8, 0.6, 0, 0}),
            new PlantedTask("shared_bc", new double[] {0, 0.6, 0.8, 0}),
            new PlantedTask("unrelated", new double[] {0, 0, 0, 1}),
            new PlantedTask("noise", null));

    public record Spec(int users, int items, int sequenceLength) {
        public Spec {
            if (users < 10 || items < sequenceLength + 1 || sequenceLength < 2) {
                throw new IllegalArgumentException("need users >= 10, sequenceLength >= 2 and items > sequenceLength");
            }
        }
    }

    private PlantedRelationsGenerator() {
    }

    /** The planted relation matrix in {@link #TASKS} order: cos(w_s, w_t); 0 off the diagonal for the noise task. */
    public static double[][] relations() {
        int n = TASKS.size();
        double[][] r = new double[n][n];
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                double[] a = TASKS.get(s).weights();
                double[] b = TASKS.get(t).weights();
                r[s][t] = s == t ? 1 : a == null || b == null ? 0 : dot(a, b) / StrictMath.sqrt(dot(a, a) * dot(b, b));
            }
        }
        return r;
    }

    public static void write(Spec spec, long seed, Path folder) {
        try {
            Files.createDirectories(folder);
            Random random = new Random(seed);
            double[][][] itemVectors = new double[FACTORS][][];
            for (int k = 0; k < FACTORS; k++) itemVectors[k] = gaussians(random, spec.items(), DIM, 1 / StrictMath.sqrt(DIM));
            List<PlantedTask> labelTasks = TASKS.subList(1, TASKS.size());
            double[][][] classDirections = new double[labelTasks.size()][][];
            for (int t = 0; t < labelTasks.size(); t++) classDirections[t] = gaussians(random, CLASSES, DIM, 1);
            writeManifest(spec, folder);
            writeItems(spec, folder);
            writeRelations(folder);
            List<BufferedWriter> taskOut = new ArrayList<>();
            try (BufferedWriter seqOut = Files.newBufferedWriter(folder.resolve("sequences.csv"), StandardCharsets.UTF_8)) {
                seqOut.write("user,items\n");
                for (PlantedTask t : labelTasks) {
                    BufferedWriter w = Files.newBufferedWriter(folder.resolve(t.name() + ".csv"), StandardCharsets.UTF_8);
                    w.write("user,labels\n");
                    taskOut.add(w);
                }
                double[][] f = new double[FACTORS][];
                double[] weight = new double[spec.items()];
                boolean[] used = new boolean[spec.items()];
                double bonus = StrictMath.exp(TRANSITION_BONUS);
                StringBuilder line = new StringBuilder();
                for (int u = 1; u <= spec.users(); u++) {
                    for (int k = 0; k < FACTORS; k++) f[k] = gaussian(random, DIM, 1);
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < spec.items(); i++) {
                        double logit = 0;
                        for (int k = 0; k < FACTORS; k++) logit += dot(itemVectors[k][i], f[k]);
                        weight[i] = BETA * logit;
                        max = Math.max(max, weight[i]);
                    }
                    for (int i = 0; i < spec.items(); i++) weight[i] = StrictMath.exp(weight[i] - max);
                    java.util.Arrays.fill(used, false);
                    line.setLength(0);
                    line.append('u').append(u).append(',');
                    int previous = -1;
                    for (int pos = 0; pos < spec.sequenceLength(); pos++) {
                        int item = sample(random, weight, used, previous < 0 ? -1 : (previous + 1) % spec.items(), bonus);
                        used[item] = true;
                        if (pos > 0) line.append(' ');
                        line.append('i').append(item + 1);
                        previous = item;
                    }
                    seqOut.append(line).append('\n');
                    for (int t = 0; t < labelTasks.size(); t++) {
                        double[] w = labelTasks.get(t).weights();
                        int label;
                        if (w == null) {
                            boolean labelled = random.nextBoolean();
                            int c = random.nextInt(NOISE_CLASSES);
                            if (!labelled) continue;
                            label = c;
                        } else {
                            label = argmaxClass(classDirections[t], w, f);
                        }
                        taskOut.get(t).append('u').append(Integer.toString(u)).append(",c").append(Integer.toString(label)).append('\n');
                    }
                }
            } finally {
                for (BufferedWriter w : taskOut) w.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int argmaxClass(double[][] directions, double[] w, double[][] f) {
        double[] v = new double[DIM];
        for (int k = 0; k < FACTORS; k++) for (int j = 0; j < DIM; j++) v[j] += w[k] * f[k][j];
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < directions.length; c++) {
            double s = dot(directions[c], v);
            if (s > bestScore) {
                bestScore = s;
                best = c;
            }
        }
        return best;
    }

    /** One draw among the unused items by weight, the follower's weight multiplied by {@code bonus}. */
    private static int sample(Random random, double[] weight, boolean[] used, int follower, double bonus) {
        double total = 0;
        for (int i = 0; i < weight.length; i++) if (!used[i]) total += i == follower ? weight[i] * bonus : weight[i];
        double r = random.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < weight.length; i++) {
            if (used[i]) continue;
            last = i;
            r -= i == follower ? weight[i] * bonus : weight[i];
            if (r < 0) return i;
        }
        return last;
    }

    private static void writeManifest(Spec spec, Path folder) throws IOException {
        StringBuilder m = new StringBuilder();
        m.append("{\n  \"format\" : \"teracon-workbench/1\",\n  \"name\" : \"planted-").append(spec.users())
                .append("\",\n  \"sequenceLength\" : ").append(spec.sequenceLength()).append(",\n  \"items\" : \"items.csv\",\n  \"tasks\" : [ ");
        for (int t = 0; t < TASKS.size(); t++) {
            PlantedTask task = TASKS.get(t);
            if (t > 0) m.append(", ");
            if (t == 0) {
                m.append("{ \"name\" : \"next_item\", \"kind\" : \"next-item\", \"file\" : \"sequences.csv\" }");
                continue;
            }
            int classes = task.weights() == null ? NOISE_CLASSES : CLASSES;
            m.append("{ \"name\" : \"").append(task.name()).append("\", \"kind\" : \"classification\", \"file\" : \"")
                    .append(task.name()).append(".csv\", \"classes\" : [ ");
            for (int c = 0; c < classes; c++) m.append(c > 0 ? ", " : "").append("\"c").append(c).append('"');
            m.append(" ]").append(task.weights() == null ? ", \"noisy\" : true" : "").append(" }");
        }
        m.append(" ]\n}\n");
        Files.writeString(folder.resolve("dataset.json"), m.toString(), StandardCharsets.UTF_8);
    }

    private static void writeItems(Spec spec, Path folder) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("items.csv"), StandardCharsets.UTF_8)) {
            w.write("item\n");
            for (int i = 1; i <= spec.items(); i++) w.append('i').append(Integer.toString(i)).append('\n');
        }
    }

    /** relations.csv: a header of task names, then one row per task (its name, then the relations). */
    private static void writeRelations(Path folder) throws IOException {
        double[][] r = relations();
        StringBuilder s = new StringBuilder("task");
        for (PlantedTask t : TASKS) s.append(',').append(t.name());
        s.append('\n');
        for (int i = 0; i < r.length; i++) {
            s.append(TASKS.get(i).name());
            for (double v : r[i]) s.append(',').append(String.format(Locale.ROOT, "%.4f", v));
            s.append('\n');
        }
        Files.writeString(folder.resolve(RELATIONS_FILE), s.toString(), StandardCharsets.UTF_8);
    }

    /** Reads a relations.csv: task names in order and the matrix. */
    public static Relations readRelations(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String[] header = lines.get(0).split(",");
            List<String> names = List.of(header).subList(1, header.length);
            double[][] m = new double[names.size()][names.size()];
            for (int i = 0; i < names.size(); i++) {
                String[] row = lines.get(i + 1).split(",");
                for (int j = 0; j < names.size(); j++) m[i][j] = Double.parseDouble(row[j + 1]);
            }
            return new Relations(names, m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Relations(List<String> tasks, double[][] matrix) {
        public double get(String a, String b) {
            return matrix[tasks.indexOf(a)][tasks.indexOf(b)];
        }
    }

    private static double[][] gaussians(Random random, int rows, int d, double scale) {
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) m[r] = gaussian(random, d, scale);
        return m;
    }

    private static double[] gaussian(Random random, int d, double scale) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) v[i] = random.nextGaussian() * scale;
        return v;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }
}
