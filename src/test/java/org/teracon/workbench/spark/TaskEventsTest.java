package org.teracon.workbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.spark.TaskResultLost$;
import org.apache.spark.Success$;
import org.apache.spark.TaskState;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.scheduler.TaskInfo;
import org.apache.spark.scheduler.TaskLocality;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.GridRun;
import org.teracon.workbench.experiment.GridStatus;
import org.teracon.workbench.experiment.RunEvent;
import org.teracon.workbench.experiment.RunStatus;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The grid's counts on synthetic Spark listener events, in the order the driver really delivers them on
 * a 2-core executor: the next task's start arrives before the previous task's end, and a run is done only
 * once the driver has written its folder. "running" must never count more runs than hold a core after
 * each task's end, nor count one run twice for two attempts.
 */
class TaskEventsTest {
    private final List<GridStatus> heard = new ArrayList<>();
    /** Six runs; a test's waves take some of them, the rest stay queued. */
    private final List<GridRun> runs = IntStream.range(0, 6)
            .mapToObj(i -> new GridRun("run-" + i, Path.of("grid", "run-" + i), ExperimentConfig.defaults("data"), null, false)).toList();
    private final GridProgress progress = new GridProgress(runs, new BatchRunner.Listener() {
        @Override
        public void runStarting(int index, int total, String label) {
        }

        @Override
        public void onEvent(String label, RunEvent event) {
        }

        @Override
        public void gridStatus(GridStatus status) {
            heard.add(status);
        }
    });
    private final TaskEvents events = new TaskEvents(progress);
    private long nextTaskId;

    @Test
    void aRunStopsCountingAsRunningWhenItsTaskEndsNotWhenItsFolderIsWritten() {
        int stage = submit(new int[] {0, 1, 2, 3});
        TaskInfo t0 = start(stage, 0, 0);
        TaskInfo t1 = start(stage, 1, 0);
        assertEquals("0 done, 2 running, 4 queued", last());
        // t0 ended on the executor; Spark started index 2 on its core before the driver heard of t0's end
        TaskInfo t2 = start(stage, 2, 0);
        end(stage, t0, true);
        assertEquals("0 done, 2 running, 1 writing, 3 queued", last(), "t0 holds no core while its folder travels");
        TaskInfo t3 = start(stage, 3, 0);
        end(stage, t1, true);
        assertEquals("0 done, 2 running, 2 writing, 2 queued", last(), "the old count said 4 running here");
        written(0);
        written(1);
        assertEquals("2 done, 2 running, 2 queued", last());
        end(stage, t2, true);
        end(stage, t3, true);
        written(2);
        written(3);
        assertEquals("4 done, 0 running, 2 queued", last());
        // a late end event after the folder is written changes nothing
        int before = heard.size();
        end(stage, t3, true);
        assertEquals(before, heard.size());
    }

    @Test
    void aRetriedRunIsQueuedBetweenAttemptsAndCountedOnceForTwoAttempts() {
        int stage = submit(new int[] {0, 1});
        TaskInfo first = start(stage, 0, 0);
        end(stage, first, false);
        GridStatus.RunState s = heard.get(heard.size() - 1).changed();
        assertEquals(GridStatus.State.RETRYING, s.state());
        assertTrue(s.message().contains("TaskResultLost"), s.message());
        assertEquals("0 done, 0 running, 6 queued", last(), "a run waiting for its retry holds no core");
        TaskInfo second = start(stage, 0, 1);
        start(stage, 0, 2); // a speculative copy of the same run: still one run
        assertEquals("0 done, 1 running, 5 queued", last());
        end(stage, second, true);
        written(0);
        assertEquals("1 done, 0 running, 5 queued", last());
    }

    @Test
    void aLateEventOfTheFirstWaveIsMatchedToItsOwnRunAfterTheSecondWaveBegan() {
        int first = submit(new int[] {0, 1});
        TaskInfo t0 = start(first, 0, 0);
        int second = submit(new int[] {4, 5});
        TaskInfo t4 = start(second, 0, 0);
        assertEquals("run-4", heard.get(heard.size() - 1).changed().label(), "partition 0 of the second wave is run 4");
        end(first, t0, true);
        assertEquals("run-0", heard.get(heard.size() - 1).changed().label(), "the first wave's partition 0 is still run 0");
        end(second, t4, true);
        assertEquals("0 done, 0 running, 2 writing, 4 queued", last());
    }

    @Test
    void eventsOfAStageNoWaveSubmittedAreIgnored() {
        SparkListenerStageSubmitted other = new SparkListenerStageSubmitted(stageInfo(99), new Properties());
        events.onStageSubmitted(other);
        events.onTaskStart(new SparkListenerTaskStart(99, 0, taskInfo(0, 0)));
        assertTrue(heard.isEmpty());
    }

    private String last() {
        return heard.get(heard.size() - 1).counts();
    }

    private int stages;

    private int submit(int[] wave) {
        Properties p = new Properties();
        p.setProperty(TaskEvents.WAVE, events.wave(wave));
        int id = stages++;
        events.onStageSubmitted(new SparkListenerStageSubmitted(stageInfo(id), p));
        return id;
    }

    private TaskInfo start(int stage, int index, int attempt) {
        TaskInfo t = taskInfo(index, attempt);
        events.onTaskStart(new SparkListenerTaskStart(stage, 0, t));
        return t;
    }

    private void end(int stage, TaskInfo t, boolean ok) {
        t.markFinished(ok ? TaskState.FINISHED() : TaskState.FAILED(), System.currentTimeMillis());
        events.onTaskEnd(new SparkListenerTaskEnd(stage, 0, "ResultTask", ok ? Success$.MODULE$ : TaskResultLost$.MODULE$, t, null, null));
    }

    /** What the Publisher does once a run's folder is written. */
    private void written(int run) {
        progress.finished(run, runs.get(run).unfinished(RunStatus.COMPLETED, ""), "executor 0 @ host", 0);
    }

    private TaskInfo taskInfo(int index, int attempt) {
        return new TaskInfo(nextTaskId++, index, attempt, index, System.currentTimeMillis(), "0", "host", TaskLocality.PROCESS_LOCAL(), attempt == 2);
    }

    private static StageInfo stageInfo(int id) {
        scala.collection.immutable.Seq<Object> none = CollectionConverters.asScala(List.<Object>of()).toList();
        return new StageInfo(id, 0, "wave", 1, CollectionConverters.asScala(List.<org.apache.spark.storage.RDDInfo>of()).toList(),
                none, "", null, CollectionConverters.asScala(List.<scala.collection.immutable.Seq<org.apache.spark.scheduler.TaskLocation>>of()).toList(),
                Option.empty(), 0, false, 0);
    }
}
