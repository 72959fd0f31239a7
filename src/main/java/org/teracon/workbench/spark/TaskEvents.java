package org.teracon.workbench.spark;

import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.TaskInfo;

/**
 * Spark's task events on the driver → the grid's progress: a task of the current wave's stage is run
 * {@code offset + partition} of the grid. Events of other stages are ignored.
 */
final class TaskEvents extends SparkListener {
    private final GridProgress progress;
    private volatile int stageId = -1;
    private volatile int[] waveIndices = new int[0];

    TaskEvents(GridProgress progress) {
        this.progress = progress;
    }

    /** The next job's partitions are these runs of the grid (called before the job starts). */
    void wave(int[] indices) {
        waveIndices = indices;
        stageId = -1;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted e) {
        // one wave = one job = one result stage (no shuffle)
        stageId = e.stageInfo().stageId();
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart e) {
        if (e.stageId() != stageId) return;
        TaskInfo t = e.taskInfo();
        progress.started(waveIndices[t.index()], where(t), t.attemptNumber());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        if (e.stageId() != stageId || e.taskInfo().successful()) return;
        TaskInfo t = e.taskInfo();
        String reason = e.reason() instanceof TaskFailedReason f ? f.toErrorString().lines().findFirst().orElse("") : String.valueOf(e.reason());
        progress.attemptFailed(waveIndices[t.index()], where(t), t.attemptNumber(), reason);
    }

    private static String where(TaskInfo t) {
        return "executor " + t.executorId() + " @ " + t.host();
    }
}
