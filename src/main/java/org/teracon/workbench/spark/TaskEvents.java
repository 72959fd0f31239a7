package org.teracon.workbench.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskGettingResult;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.TaskInfo;

/**
 * Spark's task events on the driver → the grid's progress. Each wave's job carries its number as a job
 * property, so a stage is matched to its wave's runs by the stage's own event (the listener bus delivers
 * events late, possibly after the next wave began); a task is then matched to its run by task id.
 * Events of other stages are ignored.
 *
 * <p>A run stops counting as running when its task ends on the executor, not when the driver has
 * written its folder: Spark hands the freed core to the next task at once, while the result is still
 * being fetched and the driver writes folders one after another, so the old count showed up to twice the
 * cores (4 "running" on a 2-core worker).
 */
final class TaskEvents extends SparkListener {
    /** The job property that names a wave. */
    static final String WAVE = "teracon.wave";
    private final GridProgress progress;
    private final AtomicInteger waves = new AtomicInteger();
    private final Map<String, int[]> waveRuns = new ConcurrentHashMap<>();
    private final Map<Integer, int[]> stageRuns = new ConcurrentHashMap<>();
    private final Map<Long, Integer> taskRun = new ConcurrentHashMap<>();

    TaskEvents(GridProgress progress) {
        this.progress = progress;
    }

    /**
     * The next job's partitions are these runs of the grid.
     *
     * @return the value of the job property {@link #WAVE} the job must carry
     */
    String wave(int[] indices) {
        String name = String.valueOf(waves.incrementAndGet());
        waveRuns.put(name, indices.clone());
        return name;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted e) {
        // one wave = one job = one result stage (no shuffle)
        String wave = e.properties() == null ? null : e.properties().getProperty(WAVE);
        int[] runs = wave == null ? null : waveRuns.get(wave);
        if (runs != null) stageRuns.put(e.stageInfo().stageId(), runs);
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart e) {
        int[] runs = stageRuns.get(e.stageId());
        if (runs == null) return;
        TaskInfo t = e.taskInfo();
        int run = runs[t.index()];
        taskRun.put(t.taskId(), run);
        progress.started(run, where(t), t.attemptNumber());
    }

    /** A result too large for the status message is being fetched from the executor: its task has ended there. */
    @Override
    public void onTaskGettingResult(SparkListenerTaskGettingResult e) {
        Integer run = taskRun.get(e.taskInfo().taskId());
        if (run != null) progress.taskEnded(run, where(e.taskInfo()), e.taskInfo().attemptNumber());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        TaskInfo t = e.taskInfo();
        Integer run = taskRun.remove(t.taskId());
        if (run == null) return;
        if (t.successful()) {
            progress.taskEnded(run, where(t), t.attemptNumber());
            return;
        }
        String reason = e.reason() instanceof TaskFailedReason f ? f.toErrorString().lines().findFirst().orElse("") : String.valueOf(e.reason());
        progress.attemptFailed(run, where(t), t.attemptNumber(), reason);
    }

    private static String where(TaskInfo t) {
        return "executor " + t.executorId() + " @ " + t.host();
    }
}
