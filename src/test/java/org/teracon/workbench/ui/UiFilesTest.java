package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.ExperimentFiles;
import org.teracon.workbench.experiment.NoisyTaskSpec;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.method.teracon.TeraconSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** What goes to and comes from disk through the window: report export, MovieLens import, experiment.json. */
class UiFilesTest extends WorkbenchWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @TempDir
    Path work;

    private boolean idle() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> !ctx.run.isRunning()).get();
    }

    @Test
    void exportReportWritesEveryChartAsPngAndSvgAndEveryTableAsCsv(FxRobot robot) throws Exception {
        TinyExperiment.twoTasks(robot, ctx);
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> idle() && ctx.run.lastStatusProperty().get() == RunStatus.COMPLETED);
        WaitForAsyncUtils.waitForFxEvents();
        String runId = ctx.run.runIdProperty().get();

        dialogs.answers.add(work);
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ctx.status.messageProperty().get().startsWith("Report:"));
        Path folder = work.resolve("report-" + runId);
        List<String> names;
        try (Stream<Path> s = Files.list(folder)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (String what : List.of("accuracy_matrix.csv", "accuracy_matrix.tex", "transfer.csv", "transfer.tex", "sampling_rates.csv",
                "timing.csv", "heatmap_averaged.png", "heatmap_averaged.svg", "heatmap_averaged.pdf", "heatmap_averaged.dat",
                "heatmap_averaged.tex", "heatmap_averaged.csv", "loss_01_next_item.png", "loss_01_next_item.svg", "loss_01_next_item.pdf",
                "loss_02_taste_group.png", "loss_02_taste_group.svg")) {
            String expected = runId + "-" + what;
            assertTrue(names.contains(expected), expected + " missing from " + names + ": every file carries the run's name");
        }
        for (String n : names) {
            Path f = folder.resolve(n);
            if (n.endsWith(".png")) {
                BufferedImage img = ImageIO.read(f.toFile());
                assertNotNull(img, n);
                assertTrue(img.getWidth() >= 300 && img.getHeight() >= 300, n + " " + img.getWidth() + "x" + img.getHeight());
            } else if (n.endsWith(".svg")) {
                assertEquals("svg", DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile()).getDocumentElement().getNodeName());
            } else if (n.endsWith(".pdf")) {
                try (var doc = org.apache.pdfbox.Loader.loadPDF(f.toFile())) {
                    assertEquals(1, doc.getNumberOfPages(), n);
                }
            } else {
                assertTrue(Files.readAllLines(f).size() >= 2, n + " has a header and rows");
            }
        }
        // the same table as the run folder holds, byte for byte: same headers, full-precision numbers
        Path runDir = runs.resolve(runId);
        assertEquals(Files.readString(runDir.resolve("accuracy_matrix.csv")), Files.readString(folder.resolve(runId + "-accuracy_matrix.csv")));
        assertEquals(Files.readString(runDir.resolve("transfer.csv")), Files.readString(folder.resolve(runId + "-transfer.csv")));
        List<String> matrix = Files.readAllLines(folder.resolve(runId + "-accuracy_matrix.csv"));
        assertEquals("after_task,\"next_item (MRR@5, robust)\",\"taste_group (accuracy, robust)\"", matrix.get(0),
                "the headers name the metric and the protocol");
        List<String> transfer = Files.readAllLines(folder.resolve(runId + "-transfer.csv"));
        assertTrue(transfer.get(1).startsWith("next_item,MRR@5 (robust),"), transfer.get(1));
        assertEquals(3, matrix.size());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void importsAGroupLensFolderAndOpensIt(FxRobot robot) throws Exception {
        TinyExperiment.awaitStartup(ctx);
        Path source = Files.createDirectories(work.resolve("ml-tiny"));
        writeGroupLens(source, 12, 45); // more than the 30 kept for T1: older ratings become labels
        Path parent = Files.createDirectories(work.resolve("datasets"));
        dialogs.answers.add(source);
        dialogs.answers.add(parent);
        robot.clickOn("1 Dataset");
        // Issue #11: the import says what it is doing, in the dataset tab (a dataset is open) and the status bar
        List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> robot.lookup("#loadingLabel").queryAs(Label.class).textProperty().addListener((o, was, now) -> shown.add(now)));
        robot.clickOn("#importMovieLensButton");
        Path target = parent.resolve("ml-tiny-dataset");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> target.equals(ctx.dataset.folderProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown.stream().anyMatch(t -> t.startsWith("Importing MovieLens from " + source.toAbsolutePath())), shown.toString());
        assertEquals("", robot.lookup("#loadingLabel").queryAs(Label.class).getText(), "cleared when done");
        assertTrue(Files.isRegularFile(target.resolve("dataset.json")), "the import is written as a dataset folder");
        TableView<?> tasks = robot.lookup("#taskTable").queryAs(TableView.class);
        List<String> names = ctx.dataset.tasks().stream().map(t -> t.name()).toList();
        assertEquals(List.of("next_item", "rated_4", "rated_5", "gender", "age", "occupation"), names);
        assertEquals(names.size(), tasks.getItems().size());
        assertTrue(robot.lookup("#summaryLabel").queryAs(Label.class).getText().contains("12 users"),
                robot.lookup("#summaryLabel").queryAs(Label.class).getText());
        assertEquals("next_item", ctx.taskOrder.taskOrder().get(0), "the task order follows the new dataset");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    /** Issue #10, defect 1: the window asks before replacing a dataset folder it wrote, and a "no" changes nothing. */
    @Test
    void asksBeforeReplacingAnImportedDatasetFolder(FxRobot robot) throws Exception {
        TinyExperiment.awaitStartup(ctx);
        Path source = Files.createDirectories(work.resolve("ml-tiny"));
        writeGroupLens(source, 12, 45);
        Path parent = Files.createDirectories(work.resolve("datasets"));
        Path target = parent.resolve("ml-tiny-dataset");
        dialogs.answers.add(source);
        dialogs.answers.add(parent);
        robot.clickOn("1 Dataset");
        robot.clickOn("#importMovieLensButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> target.equals(ctx.dataset.folderProperty().get()));
        Files.writeString(target.resolve("dataset.json"), Files.readString(target.resolve("dataset.json")) + " ");
        String before = Files.readString(target.resolve("dataset.json"));

        dialogs.confirmAnswer = false;
        dialogs.answers.add(source);
        dialogs.answers.add(parent);
        robot.clickOn("#importMovieLensButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.questions.size(), "asked once: " + dialogs.questions);
        assertTrue(dialogs.questions.get(0).contains("Replace it?"), dialogs.questions.get(0));
        assertEquals(before, Files.readString(target.resolve("dataset.json")), "a no leaves the folder as it was");

        dialogs.confirmAnswer = true;
        dialogs.answers.add(source);
        dialogs.answers.add(parent);
        robot.clickOn("#importMovieLensButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !before.equals(Files.readString(target.resolve("dataset.json"))));
        assertEquals(2, dialogs.questions.size());
        assertTrue(Files.isRegularFile(target.resolve("dataset.json")), "replaced by a fresh import");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    /** GroupLens 100K layout: u.data (user, item, rating, time; tabs) and u.user (id|age|gender|occupation|zip). */
    private static void writeGroupLens(Path dir, int users, int ratingsPerUser) throws Exception {
        Random rnd = new Random(3);
        List<String> data = new ArrayList<>();
        List<String> user = new ArrayList<>();
        String[] jobs = {"student", "engineer", "writer"};
        for (int u = 1; u <= users; u++) {
            for (int k = 0; k < ratingsPerUser; k++) {
                data.add(u + "\t" + (1 + rnd.nextInt(90)) + "\t" + (1 + rnd.nextInt(5)) + "\t" + (880000000 + u * 1000 + k));
            }
            user.add(u + "|" + (18 + 3 * u) + "|" + (u % 2 == 0 ? "F" : "M") + "|" + jobs[u % 3] + "|0000" + u);
        }
        Files.write(dir.resolve("u.data"), data);
        Files.write(dir.resolve("u.user"), user);
    }

    @Test
    void experimentJsonRoundTripsThroughTheWindow(FxRobot robot) throws Exception {
        TinyExperiment.awaitStartup(ctx);
        robot.clickOn("2 Experiment");
        robot.interact(() -> {
            ctx.form.methodProperty().set("teracon");
            ctx.form.seed.setText("77");
            ctx.form.param(TeraconSettings.ALPHA).setText("0.3");
            ctx.taskOrder.move(3, 1);
            ctx.taskOrder.items().stream().filter(i -> i.name().equals("liked_items")).findFirst().orElseThrow().includedProperty().set(false);
            ctx.taskOrder.noisyPositionProperty().set(3);
            ctx.taskOrder.noisyClassesProperty().set("12");
        });
        robot.clickOn("#insertNoisyButton");
        ExperimentConfig before = ctx.currentExperiment();
        assertEquals(new NoisyTaskSpec(3, 0.5, 12), before.noisyTask());

        dialogs.answers.add(work);
        robot.clickOn("#saveExperimentButton");
        Path file = work.resolve("experiment.json");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(file));
        assertEquals(before, ExperimentFiles.read(file), "the file holds exactly what the window shows");

        robot.clickOn("#resetDefaultsButton");
        robot.clickOn("Remove noisy task");
        robot.interact(() -> ctx.taskOrder.setDataset(ctx.dataset.getDataset()));
        assertNotEquals(before, ctx.currentExperiment());

        dialogs.answers.add(file);
        robot.clickOn("#loadExperimentButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> before.equals(ctx.currentExperiment())).get());
        assertEquals("77", ctx.form.seed.textProperty().get());
        assertFalse(ctx.taskOrder.taskOrder().contains("liked_items"));
        assertTrue(ctx.taskOrder.items().get(2).isNoisy(), "the noisy task is back at position 3");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
