package org.teracon.workbench.spark;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.teracon.workbench.model.Threads;

/**
 * The Spark configuration of a grid: the user's {@code --spark-conf key=value} over defaults that make a
 * grid work without set-up. Plain values, so it is checked (bad input, exit 2) before Spark starts.
 */
record SparkSettings(String master, Map<String, String> conf) {
    /** Attempts per task: a run lost with its executor is trained again up to this many times in all. */
    static final int ATTEMPTS = 4;
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|\\d+)])?");

    static SparkSettings of(String master, Map<String, String> userConf) {
        String m = master.trim();
        if (!(m.startsWith("local") || m.startsWith("spark://") || m.startsWith("yarn") || m.startsWith("k8s://"))) {
            throw new IllegalArgumentException("--spark " + master + ": expected local[N], spark://host:port, yarn or k8s://...");
        }
        Matcher local = LOCAL.matcher(m);
        // Spark's local mode never retries a task unless asked: local[N,F] gives it a cluster's retries
        if (local.matches()) m = "local[" + (local.group(2) == null ? "1" : local.group(2)) + "," + ATTEMPTS + "]";
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.app.name", "teracon-grid");
        conf.put("spark.task.maxFailures", String.valueOf(ATTEMPTS));
        // ND4J: one OpenMP thread per executor process, as the CLI itself runs (model.Threads)
        conf.put("spark.executorEnv.OMP_NUM_THREADS", "1");
        // and without javacpp's per-allocation resident-size check, as Main starts the CLI (model.Threads)
        conf.put("spark.executor.extraJavaOptions", "-D" + Threads.MAX_PHYSICAL_BYTES + "=0");
        conf.put("spark.ui.enabled", "false");
        // one run per task: a task's result is a run folder's bytes, a few MB with checkpoints
        conf.put("spark.driver.maxResultSize", "0");
        if (m.startsWith("spark://") && loopback(m)) {
            // a cluster on this machine: the driver must be reachable on the address the master listens on
            conf.put("spark.driver.host", "127.0.0.1");
            conf.put("spark.driver.bindAddress", "127.0.0.1");
        }
        if (m.startsWith("spark://")) conf.put("spark.executor.extraClassPath", executorClassPath());
        conf.putAll(userConf);
        return new SparkSettings(m, Map.copyOf(conf));
    }

    private static boolean loopback(String master) {
        return master.startsWith("spark://127.") || master.startsWith("spark://localhost");
    }

    /**
     * The driver's own classpath, absolute: executors on workers that see the same paths (this machine, or
     * the same install on every node) load the workbench, ND4J and Spark from there.
     */
    static String executorClassPath() {
        List<String> entries = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        return String.join(File.pathSeparator, entries.stream().filter(e -> !e.isBlank())
                .map(e -> Path.of(e).toAbsolutePath().normalize().toString()).toList());
    }
}
