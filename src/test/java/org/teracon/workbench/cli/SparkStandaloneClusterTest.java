package org.teracon.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.experiment.Json;

/**
 * A Spark standalone master and one worker started here on 127.0.0.1 (Spark's own Master and Worker
 * classes, as child processes with this test's classpath); the grid runs through them and its results
 * equal the same grid run locally. "Ran on the worker": each run's executor is not the driver, its
 * process is not this JVM, and the worker's work folder holds that executor's logs.
 */
class SparkStandaloneClusterTest {
    @TempDir
    static Path dir;
    private static final List<Process> CHILDREN = new ArrayList<>();
    private static String masterUrl;
    private static Path workerDir;

    @BeforeAll
    static void startCluster() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        masterUrl = "spark://127.0.0.1:" + port;
        // Spark's worker builds the executor's command from SPARK_HOME/jars (empty here: the classes come
        // from spark.executor.extraClassPath, which the grid sets to this JVM's classpath)
        Path sparkHome = Files.createDirectories(dir.resolve("spark-home/jars"));
        workerDir = Files.createDirectories(dir.resolve("worker"));
        Path masterLog = dir.resolve("master.log");
        start(masterLog, sparkHome.getParent(), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--webui-port", "0");
        start(dir.resolve("worker.log"), sparkHome.getParent(), "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--cores", "2", "--memory", "3g", "--webui-port", "0", "--work-dir", workerDir.toString(), masterUrl);
        long until = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < until) {
            if (Files.exists(masterLog) && Files.readString(masterLog).contains("Registering worker")) return;
            Thread.sleep(500);
        }
        throw new IllegalStateException("the worker did not register with the master in 90 s:\n" + Files.readString(masterLog)
                + "\n" + Files.readString(dir.resolve("worker.log")));
    }

    private static void start(Path log, Path sparkHome, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                // INFO, so the master's log says when the worker registered
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info"));
        // the --add-opens surefire gives this JVM, which Spark needs on Java 17
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens")).toList());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        CHILDREN.add(pb.start());
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (int i = CHILDREN.size() - 1; i >= 0; i--) {
            Process p = CHILDREN.get(i);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    @Test
    void aSeedGridOnTheStandaloneWorkerEqualsTheLocalGrid() throws Exception {
        Path local = dir.resolve("local");
        Path cluster = dir.resolve("cluster");
        String[] l = SparkGridLocalTest.grid(local);
        assertEquals("0", l[0], l[1] + l[2]);
        String[] c = SparkGridLocalTest.grid(cluster, "--spark", masterUrl, "--spark-conf", "spark.executor.memory=1g");
        assertEquals("0", c[0], c[1] + c[2]);
        SparkGridLocalTest.sameResults(local, cluster);
        // the listener matched the cluster's task events to the runs (stages found by their wave's job property)
        assertTrue(c[1].matches("(?s).*\\] seed-4\\d/sinmo\\w*: running on executor \\d+ @ 127\\.0\\.0\\.1.*"), c[1]);

        JsonNode report = Json.MAPPER.readTree(cluster.resolve("spark-grid.json").toFile());
        String app = report.path("application").asText();
        assertTrue(app.startsWith("app-"), "a standalone application id: " + app);
        assertEquals(4, report.path("runs").size());
        for (JsonNode run : report.path("runs")) {
            String executor = run.path("executorId").asText();
            assertNotEquals("driver", executor, run.toString());
            assertNotEquals(ProcessHandle.current().pid(), run.path("pid").asLong(), run.toString());
            // the worker launched this executor: its stdout/stderr live in the worker's folder for the application
            assertTrue(Files.isRegularFile(workerDir.resolve(app).resolve(executor).resolve("stderr")), run.toString());
        }
    }
}
