package org.teracon.workbench.method;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.teracon.workbench.data.TaskKind;
import org.teracon.workbench.model.RankingMetrics;

/**
 * Scores a learned task on a set of its instances with full ranking. Label tasks rank each instance's
 * label over all the task's classes. Next-item ranks, over all items (padding excluded), each of the
 * last few items of a held-out user's sequence given the items before it: the task's
 * {@link EvaluationProtocol} says how many (the paper's: the last item only; the robust one: the last
 * {@link #NEXT_ITEM_POSITIONS}, since with ML-100K's 141 test users a last-item-only MRR@5 moved by
 * ±0.01 between evaluations of the same model family, too noisy to see forgetting). Every instance
 * counts (no batch is dropped).
 */
public final class Evaluator {
    public static final int NEXT_ITEM_POSITIONS = 5;
    /** Validation only picks the epoch: more positions per user make that choice far less noisy. */
    public static final int NEXT_ITEM_VALIDATION_POSITIONS = 20;

    private Evaluator() {
    }

    /** One ranking query: the sequence the model reads and the class it should rank first. */
    private record Query(int[] sequence, int label) {
    }

    public static Map<String, Double> evaluate(ContinualMethod method, TaskData task, int[] instances, int batchSize) {
        return evaluate(method, task, instances, batchSize, task.protocol().nextItemTestPositions());
    }

    private static Map<String, Double> evaluate(ContinualMethod method, TaskData task, int[] instances, int batchSize, int positions) {
        List<Query> queries = task.kind() == TaskKind.NEXT_ITEM ? nextItemQueries(task, instances, positions) : labelQueries(task, instances);
        // a user with several held-out labels is read once: one forward row per distinct sequence
        Map<int[], Integer> rowOf = new IdentityHashMap<>();
        List<int[]> distinct = new ArrayList<>();
        for (Query q : queries) rowOf.computeIfAbsent(q.sequence(), s -> { distinct.add(s); return distinct.size() - 1; });
        boolean nextItem = task.kind() == TaskKind.NEXT_ITEM;
        int[] ranks = new int[queries.size()];
        List<List<Integer>> queriesOfRow = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) queriesOfRow.add(new ArrayList<>());
        for (int i = 0; i < queries.size(); i++) queriesOfRow.get(rowOf.get(queries.get(i).sequence())).add(i);
        for (int from = 0; from < distinct.size(); from += batchSize) {
            List<int[]> chunk = distinct.subList(from, Math.min(distinct.size(), from + batchSize));
            INDArray logits = method.predict(task.stage(), chunk.toArray(int[][]::new));
            float[] all = logits.dup('c').data().asFloat();
            int cols = (int) logits.columns();
            for (int r = 0; r < chunk.size(); r++) {
                float[] row = Arrays.copyOfRange(all, r * cols, (r + 1) * cols);
                for (int q : queriesOfRow.get(from + r)) ranks[q] = RankingMetrics.rank(row, queries.get(q).label(), nextItem ? 1 : 0);
            }
        }
        return RankingMetrics.summarize(ranks);
    }

    /** The validation score that early stopping follows. */
    public static double primary(ContinualMethod method, TaskData task, int[] instances, int batchSize) {
        if (instances.length == 0) return Double.NaN;
        return evaluate(method, task, instances, batchSize, task.protocol().nextItemValidationPositions()).get(task.primaryMetric());
    }

    private static List<Query> labelQueries(TaskData task, int[] instances) {
        List<Query> q = new ArrayList<>();
        for (int i : instances) q.add(new Query(task.sequences()[task.task().users()[i]], task.task().labels()[i]));
        return q;
    }

    /**
     * For shift d, the sequence without its last d items, left-padded back to length L: its last item
     * is the target and the items before it are what the model reads (causal convolutions).
     */
    private static List<Query> nextItemQueries(TaskData task, int[] instances, int positions) {
        List<Query> q = new ArrayList<>();
        int l = task.sequenceLength();
        for (int i : instances) {
            int[] seq = task.sequences()[task.task().users()[i]];
            for (int d = 0; d < positions && l - 2 - d >= 0; d++) {
                if (seq[l - 1 - d] == 0 || seq[l - 2 - d] == 0) break; // needs a target and at least one item before it
                int[] shifted = new int[l];
                System.arraycopy(seq, 0, shifted, d, l - d);
                q.add(new Query(shifted, seq[l - 1 - d]));
            }
        }
        return q;
    }
}
