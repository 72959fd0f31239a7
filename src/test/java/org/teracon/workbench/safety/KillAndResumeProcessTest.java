package org.teracon.workbench.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the third stage, {@code run --resume}, and the run's files equal an unbroken run's with the
 * same seed: the accuracy matrix and every batch's loss bit for bit (one thread, the same random stream,
 * the same parameters and Adam moments restored from the checkpoint, so every float operation repeats).
 */
class KillAndResumeProcessTest {
    private static final List<String> EXPERIMENT = List.of("--dataset", "sample-datasets/synthetic", "--channels", "8",
            "--dilations", "1", "--epochs", "3", "--epochs-first", "2", "--patience", "5", "--seed", "11",
            "--order", "next_item,liked_items,taste_group", "--no-fwt-reference");

    static Process start(List<String> args, Path log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.teracon.workbench.Main", "run"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    static int finish(Process p, Path log) throws Exception {
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the run did not end: " + Files.readString(log));
        return p.exitValue();
    }

    static List<String> with(List<String> a, String... more) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void aRunKilledInItsThirdStageResumesToTheUnbrokenRunsFiles(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, finish(start(with(EXPERIMENT, "--out", a.toString()), tmp.resolve("a.txt")), tmp.resolve("a.txt")));
        // a completed run keeps its last checkpoint only
        assertFalse(Files.exists(a.resolve("checkpoint/stage-0")));
        assertTrue(Files.exists(a.resolve("checkpoint/stage-2/start.bin")));

        Path logB = tmp.resolve("b.txt");
        Process killed = start(with(EXPERIMENT, "--out", b.toString()), logB);
        Path thirdStageEpoch = b.resolve("checkpoint/stage-2/epoch.bin");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!Files.exists(thirdStageEpoch)) {
            if (System.nanoTime() > deadline || !killed.isAlive()) fail("no epoch checkpoint in stage 3: " + Files.readString(logB));
            Thread.sleep(10);
        }
        killed.destroyForcibly(); // SIGKILL: no shutdown hook, no status written
        assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
        assertTrue(Files.readString(b.resolve("results.json")).contains("\"status\" : \"RUNNING\""));

        Path logResume = tmp.resolve("resume.txt");
        assertEquals(0, finish(start(List.of("--resume", b.toString(), "--no-fwt-reference"), logResume), logResume));
        String printed = Files.readString(logResume);
        assertTrue(printed.contains("resumed at stage 3, after epoch"), printed);
        assertFalse(printed.contains("[1/3]") || printed.contains("[2/3]"), "finished stages were trained again: " + printed);

        assertEquals(Files.readString(a.resolve("accuracy_matrix.csv")), Files.readString(b.resolve("accuracy_matrix.csv")));
        assertEquals(Files.readString(a.resolve("loss.csv")), Files.readString(b.resolve("loss.csv")));
        assertEquals(Files.readString(a.resolve("transfer.csv")), Files.readString(b.resolve("transfer.csv")));

        // a completed run is not resumed again
        Path again = tmp.resolve("again.txt");
        assertEquals(2, finish(start(List.of("--resume", b.toString()), again), again));
        assertTrue(Files.readString(again).contains("holds a completed run"), Files.readString(again));
    }

    @Test
    void aFolderWithoutCheckpointsIsRefused(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("log.txt");
        Files.createDirectories(tmp.resolve("empty"));
        assertEquals(2, finish(start(List.of("--resume", tmp.resolve("empty").toString()), log), log));
        assertTrue(Files.readString(log).contains("holds no run"), Files.readString(log));
    }
}
