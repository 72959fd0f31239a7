package org.teracon.workbench.spark;

import java.io.Serializable;
import java.util.TreeMap;

/**
 * What one attempt sends back: the run folder's files (results.json among them unless the attempt
 * failed around the training), new SinMo reference files, and where it ran.
 *
 * @param error null, or why the attempt produced no run (the run itself records its own failures)
 */
record TaskOutput(int index, String label, TreeMap<String, byte[]> runFiles, TreeMap<String, byte[]> referenceFiles,
                  Where where, double seconds, String error) implements Serializable {

    /** The executor that ran the attempt: Spark's executor id, its host and the JVM's process id. */
    record Where(String executorId, String host, long pid, int attempt) implements Serializable {
        String line() {
            return "executor " + executorId + " @ " + host + " (pid " + pid + ")";
        }
    }
}
