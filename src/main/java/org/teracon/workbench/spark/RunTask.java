package org.teracon.workbench.spark;

import java.io.Serializable;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/** The function every task runs: its partition holds exactly one run. Serialisable, so Spark ships it. */
final class RunTask extends AbstractFunction2<TaskContext, Iterator<TaskInput>, TaskOutput> implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Dataset path (as the configs name it) → its broadcast files. */
    private final Map<String, Broadcast<ShippedDataset>> datasets;

    RunTask(Map<String, Broadcast<ShippedDataset>> datasets) {
        this.datasets = datasets;
    }

    @Override
    public TaskOutput apply(TaskContext ctx, Iterator<TaskInput> partition) {
        TaskInput in = partition.next();
        Broadcast<ShippedDataset> b = datasets.get(in.dataset());
        return Attempt.run(in, b.value(), b.id(), ctx);
    }
}
