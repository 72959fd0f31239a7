package org.teracon.workbench.method;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.data.Split;
import org.teracon.workbench.data.Task;
import org.teracon.workbench.data.TaskKind;
import org.teracon.workbench.model.RankingMetrics;

class EvaluationProtocolTest {

    /** Scores every candidate by a fixed vector, whatever the input: class k gets scores[k]. */
    private record FixedScores(float[] scores) implements ContinualMethod {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public void learn(List<TaskData> tasks, MethodEnvironment env) {
        }

        @Override
        public INDArray predict(int stage, int[][] sequences) {
            float[][] rows = new float[sequences.length][];
            for (int r = 0; r < rows.length; r++) rows[r] = scores.clone();
            return Nd4j.create(rows);
        }
    }

    private static TaskData nextItem(EvaluationProtocol protocol) {
        // one user, items 1..5 after three pads; the model ranks item 5 first, then 4, 3, 2, 1
        int[][] sequences = {{0, 0, 0, 1, 2, 3, 4, 5}};
        Task t = new Task("next_item", TaskKind.NEXT_ITEM, List.of("pad", "1", "2", "3", "4", "5"), new int[] {0}, new int[0], false);
        return new TaskData(0, t, new Split(new int[0], new int[0], new int[] {0}), sequences, 6, protocol);
    }

    @Test
    void thePaperScoresT1OnTheLastItemOnlyTheRobustProtocolOnTheLastFive() {
        ContinualMethod m = new FixedScores(new float[] {9, 1, 2, 3, 4, 5}); // padding scored highest: it must not count
        var paper = Evaluator.evaluate(m, nextItem(EvaluationProtocol.PAPER), new int[] {0}, 16);
        assertEquals(1.0, paper.get("instances"), "one query: the last item");
        assertEquals(1.0, paper.get(RankingMetrics.MRR5), 1e-12, "item 5 is ranked first (padding excluded)");
        var robust = Evaluator.evaluate(m, nextItem(EvaluationProtocol.ROBUST), new int[] {0}, 16);
        // targets 5, 4, 3, 2 (item 1 has no item before it): ranks 1, 2, 3, 4
        assertEquals(4.0, robust.get("instances"));
        assertEquals((1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0) / 4, robust.get(RankingMetrics.MRR5), 1e-12);
    }

    private static TaskData labels(int classes, EvaluationProtocol protocol) {
        List<String> names = IntStream.range(0, classes).mapToObj(i -> "c" + i).toList();
        int[][] sequences = {{1, 2}, {2, 1}};
        Task t = new Task("age", TaskKind.CLASSIFICATION, names, new int[] {0, 1}, new int[] {0, 1}, false);
        return new TaskData(1, t, new Split(new int[0], new int[0], new int[] {0, 1}), sequences, 3, protocol);
    }

    @Test
    void aTaskWithMoreThanTwentyClassesIsRankedByMrrUnderThePaperAndByAccuracyUnderRobust() {
        assertEquals(RankingMetrics.MRR5, labels(21, EvaluationProtocol.PAPER).primaryMetric());
        assertEquals(RankingMetrics.ACCURACY, labels(21, EvaluationProtocol.ROBUST).primaryMetric());
        assertEquals(RankingMetrics.ACCURACY, labels(20, EvaluationProtocol.PAPER).primaryMetric(), "20 classes: accuracy");
        assertEquals(RankingMetrics.MRR5, nextItem(EvaluationProtocol.ROBUST).primaryMetric());
        assertEquals(RankingMetrics.MRR5, nextItem(EvaluationProtocol.PAPER).primaryMetric());
        Task items = new Task("clicks", TaskKind.ITEM, List.of("a", "b"), new int[] {0}, new int[] {0}, false);
        assertEquals(RankingMetrics.MRR5, new TaskData(1, items, null, new int[][] {{1}}, 2, EvaluationProtocol.ROBUST).primaryMetric(),
                "robust ranks item tasks by MRR@5 whatever their class count");

        // class 1 scored highest: user 0 (label 0) ranks 2nd, user 1 (label 1) 1st: accuracy 0.5, MRR@5 0.75
        float[] scores = new float[21];
        scores[1] = 2;
        scores[0] = 1;
        ContinualMethod m = new FixedScores(scores);
        TaskData paper = labels(21, EvaluationProtocol.PAPER);
        TaskData robust = labels(21, EvaluationProtocol.ROBUST);
        assertEquals(0.75, Evaluator.evaluate(m, paper, paper.split().test(), 8).get(paper.primaryMetric()), 1e-12);
        assertEquals(0.5, Evaluator.evaluate(m, robust, robust.split().test(), 8).get(robust.primaryMetric()), 1e-12);
    }

    @Test
    void aTaskWithoutAProtocolIsScoredRobustly() {
        Task t = new Task("age", TaskKind.CLASSIFICATION, Collections.nCopies(25, "c"), new int[] {0}, new int[] {0}, false);
        assertEquals(EvaluationProtocol.ROBUST, new TaskData(1, t, null, new int[][] {{1}}, 2).protocol());
    }

    @Test
    void protocolsAreNamedInLabelsAndReadBackCaseInsensitively() {
        assertEquals("MRR@5 (paper)", EvaluationProtocol.PAPER.label("MRR@5"));
        assertEquals("gender (accuracy, robust)", EvaluationProtocol.ROBUST.column("gender", "accuracy"));
        assertEquals(EvaluationProtocol.PAPER, EvaluationProtocol.fromKey("Paper"));
        assertEquals(EvaluationProtocol.ROBUST, EvaluationProtocol.fromKey(null));
        var e = assertThrows(IllegalArgumentException.class, () -> EvaluationProtocol.fromKey("strict"));
        assertTrue(e.getMessage().contains("paper or robust"), e.getMessage());
    }
}
