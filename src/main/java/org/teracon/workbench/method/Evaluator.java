package org.teracon.workbench.method;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.teracon.workbench.data.TaskKind;
import org.teracon.workbench.model.RankingMetrics;

/**
 * Scores a learned task on a set of its instances with full ranking: next-item ranks the held-out last
 * item of each user's sequence over all items (padding excluded); other tasks rank each instance's
 * label over all the task's classes. Every instance counts (no batch is dropped).
 */
public final class Evaluator {
    private Evaluator() {
    }

    public static Map<String, Double> evaluate(ContinualMethod method, TaskData task, int[] instances, int batchSize) {
        int[] users = Arrays.stream(instances).map(i -> task.task().users()[i]).distinct().toArray();
        Map<Integer, Integer> rowOf = new HashMap<>();
        List<float[]> scores = new ArrayList<>();
        for (int from = 0; from < users.length; from += batchSize) {
            int[] chunk = Arrays.copyOfRange(users, from, Math.min(users.length, from + batchSize));
            INDArray logits = method.predict(task.stage(), chunk);
            for (int r = 0; r < chunk.length; r++) {
                rowOf.put(chunk[r], scores.size());
                scores.add(logits.getRow(r).dup().data().asFloat());
            }
        }
        int[] ranks = new int[instances.length];
        boolean nextItem = task.kind() == TaskKind.NEXT_ITEM;
        int l = task.sequenceLength();
        for (int n = 0; n < instances.length; n++) {
            int user = task.task().users()[instances[n]];
            int label = nextItem ? task.sequences()[user][l - 1] : task.task().labels()[instances[n]];
            ranks[n] = RankingMetrics.rank(scores.get(rowOf.get(user)), label, nextItem ? 1 : 0);
        }
        return RankingMetrics.summarize(ranks);
    }

    public static double primary(ContinualMethod method, TaskData task, int[] instances, int batchSize) {
        if (instances.length == 0) return Double.NaN;
        return evaluate(method, task, instances, batchSize).get(task.primaryMetric());
    }
}
