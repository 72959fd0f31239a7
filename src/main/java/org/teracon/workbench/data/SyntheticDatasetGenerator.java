package org.teracon.workbench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A small dataset with planted, known structure, so that transfer and forgetting can be checked
 * without real data. Each user has a taste factor A (one of a few clusters plus noise) and an
 * independent side factor B; items have a vector for each factor. The next item is drawn from a
 * softmax over unseen items of {@code TASTE_WEIGHT·a_i·A + SIDE_WEIGHT·b_i·B + TRANSITION_BONUS·[i follows
 * the previous item]}, so sequences reveal both factors. Tasks: next_item; liked_items and
 * taste_group (both from A, so related to each other and to next_item); side_group (from B:
 * unrelated to the taste tasks yet learnable from sequences); noise (random, learnable by nobody).
 *
 * <p>Uses {@link Random} and {@link StrictMath} only, so a seed gives the same dataset on any JVM.
 */
public final class SyntheticDatasetGenerator {

    static final double TASTE_WEIGHT = 2.0;
    static final double SIDE_WEIGHT = 1.5;
    static final double TRANSITION_BONUS = 4.0;
    /** Spread of a user's taste around its cluster centre, relative to the unit-length centre. */
    static final double TASTE_NOISE = 0.7;

    private SyntheticDatasetGenerator() {
    }

    public static Dataset generate(SyntheticSpec spec, long seed) {
        Random random = new Random(seed);
        int d = spec.latentDim();
        double[][] itemTaste = gaussians(random, spec.items(), d);
        double[][] itemSide = gaussians(random, spec.items(), d);
        double[][] tasteCentres = unitRows(gaussians(random, spec.tasteGroups(), d));
        double[][] sideCentres = unitRows(gaussians(random, spec.sideGroups(), d));

        int[] taste = new int[spec.users()];
        int[] side = new int[spec.users()];
        int[][] sequences = new int[spec.users()][];
        List<Integer> likedUsers = new ArrayList<>();
        List<Integer> likedItems = new ArrayList<>();
        for (int u = 0; u < spec.users(); u++) {
            taste[u] = random.nextInt(spec.tasteGroups());
            side[u] = random.nextInt(spec.sideGroups());
            double[] a = unit(add(tasteCentres[taste[u]], scale(unit(gaussian(random, d)), TASTE_NOISE)));
            double[] b = sideCentres[side[u]];
            double[] tasteScore = new double[spec.items()];
            double[] baseLogit = new double[spec.items()];
            for (int i = 0; i < spec.items(); i++) {
                tasteScore[i] = dot(itemTaste[i], a);
                baseLogit[i] = TASTE_WEIGHT * tasteScore[i] + SIDE_WEIGHT * dot(itemSide[i], b);
            }
            int length = spec.sequenceLength() / 2 + random.nextInt(spec.sequenceLength() - spec.sequenceLength() / 2 + 1);
            boolean[] used = new boolean[spec.items()];
            int[] seq = new int[spec.sequenceLength()];
            int previous = -1;
            for (int pos = spec.sequenceLength() - length; pos < spec.sequenceLength(); pos++) {
                int item = sample(random, baseLogit, used, previous);
                used[item] = true;
                seq[pos] = item + 1; // dense id 0 is padding
                previous = item;
            }
            sequences[u] = seq;
            for (int item : topUnused(tasteScore, used, spec.likedPerUser())) {
                likedUsers.add(u);
                likedItems.add(item);
            }
        }

        List<String> itemNames = new ArrayList<>();
        itemNames.add(Dataset.PAD);
        IntStream.rangeClosed(1, spec.items()).forEach(i -> itemNames.add("i" + i));
        List<String> userIds = IntStream.rangeClosed(1, spec.users()).mapToObj(i -> "u" + i).toList();
        int[] allUsers = IntStream.range(0, spec.users()).toArray();

        List<Task> tasks = new ArrayList<>();
        tasks.add(new Task("next_item", TaskKind.NEXT_ITEM, itemNames, allUsers, new int[0], false));
        tasks.add(likedTask(likedUsers, likedItems));
        tasks.add(new Task("taste_group", TaskKind.CLASSIFICATION, names("taste", spec.tasteGroups()), allUsers,
                taste, false));
        tasks.add(new Task("side_group", TaskKind.CLASSIFICATION, names("side", spec.sideGroups()), allUsers,
                side, false));
        Dataset withoutNoise = new Dataset(spec.name(), itemNames, userIds, sequences, tasks, LoadReport.empty());
        tasks.add(NoisyTaskGenerator.generate(withoutNoise, NoisyTaskGenerator.DEFAULT_USER_FRACTION,
                NoisyTaskGenerator.DEFAULT_NUM_CLASSES, random.nextLong(), "noise"));
        LoadReport report = new ReportBuilder().set("users", spec.users()).set("items", spec.items())
                .warn("synthetic dataset, seed " + seed).build();
        return new Dataset(spec.name(), itemNames, userIds, sequences, tasks, report);
    }

    /** Classes are the liked item names ("i7"), in item order, so the task can be matched to items. */
    private static Task likedTask(List<Integer> users, List<Integer> items) {
        int[] distinct = items.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
        List<String> classNames = IntStream.of(distinct).mapToObj(i -> "i" + (i + 1)).toList();
        int[] labels = items.stream().mapToInt(i -> java.util.Arrays.binarySearch(distinct, i)).toArray();
        return new Task("liked_items", TaskKind.ITEM, classNames, users.stream().mapToInt(Integer::intValue).toArray(),
                labels, false);
    }

    private static int sample(Random random, double[] baseLogit, boolean[] used, int previous) {
        int n = baseLogit.length;
        int follower = previous < 0 ? -1 : (previous + 1) % n;
        double max = Double.NEGATIVE_INFINITY;
        double[] logit = new double[n];
        for (int i = 0; i < n; i++) {
            logit[i] = baseLogit[i] + (i == follower ? TRANSITION_BONUS : 0);
            if (!used[i]) {
                max = Math.max(max, logit[i]);
            }
        }
        double total = 0;
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            weight[i] = used[i] ? 0 : StrictMath.exp(logit[i] - max);
            total += weight[i];
        }
        double r = random.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (!used[i]) {
                last = i;
                r -= weight[i];
                if (r < 0) {
                    return i;
                }
            }
        }
        return last; // only reached through rounding at the very end of the cumulative sum
    }

    private static int[] topUnused(double[] score, boolean[] used, int k) {
        return IntStream.range(0, score.length).filter(i -> !used[i]).boxed()
                .sorted(java.util.Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static List<String> names(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    private static double[][] gaussians(Random random, int rows, int d) {
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = gaussian(random, d);
        }
        return m;
    }

    private static double[] gaussian(Random random, int d) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private static double[][] unitRows(double[][] m) {
        for (int r = 0; r < m.length; r++) {
            m[r] = unit(m[r]);
        }
        return m;
    }

    private static double[] unit(double[] v) {
        double norm = StrictMath.sqrt(dot(v, v));
        return scale(v, norm == 0 ? 0 : 1 / norm);
    }

    private static double[] scale(double[] v, double s) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * s;
        }
        return out;
    }

    private static double[] add(double[] x, double[] y) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + y[i];
        }
        return out;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
