package org.teracon.workbench.safety;

import static org.junit.jupiter.api.Assertions.*;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetLoader;
import org.teracon.workbench.data.MovieLensImporter;
import org.teracon.workbench.experiment.AtomicFiles;
import org.teracon.workbench.experiment.CancellationToken;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.ExperimentRunner;
import org.teracon.workbench.experiment.FileLayer;
import org.teracon.workbench.experiment.RunLock;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.teracon.TeraconSettings;
import org.teracon.workbench.model.BackboneConfig;

/** Issue #10's run defects, each pinned in-process: a full disk, reruns, divergence, locks, MovieLens text. */
public class RunSafetyTest {
    public static final Path SAMPLE = Path.of("sample-datasets/synthetic");

    public static ExperimentConfig tiny(String method) {
        return ExperimentConfig.defaults(SAMPLE.toString()).withMethod(method)
                .withTaskOrder(List.of("next_item", "taste_group", "side_group"))
                .withBackbone(new BackboneConfig(8, 3, List.of(1)))
                .withTraining(new TrainingConfig(1, 1, 1, 32, 64, 1e-3, 1e-3, 256));
    }

    @Test
    void fullDiskNamesTheCauseAndResultsJsonNamesTheStageTheFilesHold(@TempDir Path tmp) throws Exception {
        Dataset ds = DatasetLoader.load(SAMPLE);
        AtomicInteger writes = new AtomicInteger();
        // experiment.json + stage 1's unit (loss, matrix, transfer, results) succeed; the disk fills during stage 2's
        FileLayer fillsUp = (target, content) -> {
            if (writes.incrementAndGet() > 6) throw new UncheckedIOException("cannot write " + target + ": No space left on device",
                    new java.io.IOException("No space left on device"));
            AtomicFiles.writeString(target, content);
        };
        Path out = tmp.resolve("run");
        RunResult r = new ExperimentRunner().writingThrough(fillsUp).run(tiny("sinmoall"), ds, out, e -> { }, new CancellationToken());
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.message().contains("No space left on device"), r.message());
        String results = Files.readString(out.resolve("results.json"));
        assertTrue(results.contains("after stage 1 of 3"), "results.json must name the last stage written: " + results.substring(0, 400));
    }

    @Test
    void aFinishedRunIsNeverMixedWithAnother(@TempDir Path tmp) throws Exception {
        Dataset ds = DatasetLoader.load(SAMPLE);
        Path out = tmp.resolve("run");
        assertEquals(RunStatus.COMPLETED, new ExperimentRunner().run(tiny("sinmo"), ds, out, e -> { }, new CancellationToken()).status());
        String before = Files.readString(out.resolve("results.json"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ExperimentRunner().run(tiny("sinmoall"), ds, out, ev -> { }, new CancellationToken()));
        assertTrue(e.getMessage().contains("already holds a run"), e.getMessage());
        assertEquals(before, Files.readString(out.resolve("results.json")));
        RunResult forced = new ExperimentRunner().replacing(true).run(tiny("sinmoall"), ds, out, ev -> { }, new CancellationToken());
        assertEquals(RunStatus.COMPLETED, forced.status());
        assertTrue(Files.readString(out.resolve("experiment.json")).contains("sinmoall"));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")), "--force removes only the run's own files");
    }

    @Test
    void nonFiniteLossesEndTheRunAsDivergedKeepingFinishedStages(@TempDir Path tmp) throws Exception {
        Dataset ds = DatasetLoader.load(SAMPLE);
        ExperimentConfig c = tiny("teracon").withParam(TeraconSettings.ALPHA, 1e300);
        RunResult r = new ExperimentRunner().run(c, ds, tmp.resolve("run"), e -> { }, new CancellationToken());
        assertEquals(RunStatus.DIVERGED, r.status(), r.message());
        assertTrue(r.message().contains("stage 2 of 3 (taste_group), epoch 1") && r.message().contains("teracon.alpha"), r.message());
        assertFalse(Double.isNaN(r.matrix().get(0, 0)), "stage 1 is kept");
        assertTrue(Files.readString(tmp.resolve("run/results.json")).contains("DIVERGED"));
        // loss.csv marks every skipped step: the diverging stage's rows are skipped, stage 1's are not
        java.util.List<String> lines = Files.readAllLines(tmp.resolve("run/loss.csv"));
        java.util.List<String> header = java.util.List.of(lines.get(0).split(","));
        int stage = header.indexOf("stage");
        int skipped = header.indexOf("skipped");
        assertTrue(skipped >= 0, "a skipped column: " + header);
        long skippedInStage2 = lines.stream().skip(1).map(l -> l.split(",")).filter(f -> f[stage].equals("1")).filter(f -> f[skipped].equals("1")).count();
        long skippedInStage1 = lines.stream().skip(1).map(l -> l.split(",")).filter(f -> f[stage].equals("0")).filter(f -> f[skipped].equals("1")).count();
        assertTrue(skippedInStage2 > 0, "the diverging stage's steps are marked skipped");
        assertEquals(0, skippedInStage1, "stage 1 trained normally");
    }

    @Test
    void aSecondRunIntoALockedFolderIsRefused(@TempDir Path tmp) {
        try (RunLock held = RunLock.acquire(tmp)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunLock.acquire(tmp));
            assertTrue(e.getMessage().contains("another run is writing"));
        }
        RunLock.acquire(tmp).close(); // released with its holder
    }

    @Test
    void movieLensBomUtf8UsersAndDuplicates(@TempDir Path tmp) throws Exception {
        StringBuilder data = new StringBuilder("\uFEFF");
        for (int u = 1; u <= 2; u++) {
            for (int i = 1; i <= 6; i++) data.append(u).append('\t').append(i).append("\t4\t").append(100 + i).append('\n');
        }
        data.append("1\t1\t4\t101\n").append("2\t3\t5\t999"); // an exact duplicate; no final line break
        Files.writeString(tmp.resolve("u.data"), data, StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("u.user"), "1|30|F|técnico|00000\n2|40|M|técnico|00000\n", StandardCharsets.UTF_8);
        Dataset ds = MovieLensImporter.importFrom(tmp);
        assertTrue(ds.task("occupation").classNames().contains("técnico"), ds.task("occupation").classNames().toString());
        assertEquals(1, ds.report().counts().entrySet().stream().filter(e -> e.getKey().contains("duplicate")).mapToInt(e -> e.getValue()).sum());
        assertTrue(ds.report().warnings().stream().anyMatch(w -> w.contains("truncated")), ds.report().warnings().toString());
    }
}
