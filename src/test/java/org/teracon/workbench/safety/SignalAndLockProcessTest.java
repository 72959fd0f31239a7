package org.teracon.workbench.safety;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real JVM against real signals: SIGTERM (Process.destroy) and SIGINT (kill -INT) record CANCELLED
 * with the stage reached and print it; a second run into a folder a live run holds is refused. Started
 * from the test's own classpath (the shaded jar does not exist yet when tests run), with
 * OMP_NUM_THREADS=1 so Main does not relaunch and the signalled PID is the worker.
 */
class SignalAndLockProcessTest {

    static Process start(Path out, Path log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.teracon.workbench.Main", "run",
                "--dataset", "sample-datasets/synthetic", "--channels", "8", "--dilations", "1", "--epochs", "200",
                "--patience", "200", "--no-fwt-reference", "--out", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    static void awaitTraining(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains("epoch 1 ")) return;
            Thread.sleep(200);
        }
        fail("the run did not start training: " + Files.readString(log));
    }

    void cancelledBy(boolean sigint, Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        Path log = tmp.resolve("log.txt");
        Process p = start(out, log);
        awaitTraining(log);
        long sent = System.nanoTime();
        if (sigint) new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        else p.destroy();
        assertTrue(p.waitFor(40, TimeUnit.SECONDS), "the run did not end after the signal");
        double seconds = (System.nanoTime() - sent) / 1e9;
        assertEquals(sigint ? 130 : 143, p.exitValue());
        String printed = Files.readString(log);
        assertTrue(printed.contains("run CANCELLED: cancelled by the user during stage 1 of 5 (next_item)"), printed);
        String results = Files.readString(out.resolve("results.json"));
        assertTrue(results.contains("\"status\" : \"CANCELLED\"") && results.contains("during stage 1"), results.substring(0, Math.min(600, results.length())));
        assertTrue(seconds < 20, "took " + seconds + " s");
    }

    @Test
    void sigtermRecordsCancelled(@TempDir Path tmp) throws Exception {
        cancelledBy(false, tmp);
    }

    @Test
    void sigintRecordsCancelled(@TempDir Path tmp) throws Exception {
        cancelledBy(true, tmp);
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefusedWhileTheFirstRuns(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        Process first = start(out, tmp.resolve("first.txt"));
        try {
            awaitTraining(tmp.resolve("first.txt"));
            Process second = start(out, tmp.resolve("second.txt"));
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            assertEquals(2, second.exitValue());
            String printed = Files.readString(tmp.resolve("second.txt"));
            assertTrue(printed.contains("another run is writing into"), printed);
            assertTrue(Files.readString(out.resolve("experiment.json")).contains("\"epochs\" : 200"));
        } finally {
            first.destroy();
            first.waitFor(40, TimeUnit.SECONDS);
        }
    }
}
