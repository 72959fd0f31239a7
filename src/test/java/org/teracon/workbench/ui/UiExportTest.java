package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.experiment.PaperTableTest;
import org.teracon.workbench.experiment.RunInfo;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.ui.export.Exports;
import org.teracon.workbench.ui.view.HeatmapView;
import org.teracon.workbench.ui.vm.HeatmapData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue #11's export for papers through the run views' buttons: numeric CSV, LaTeX, PDF, a cropped heatmap PNG, named after the run. */
class UiExportTest extends WorkbenchWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theViewButtonsWriteTheRunFoldersTablesLatexAPdfAndACroppedHeatmapNamedAfterTheRun(FxRobot robot) throws Exception {
        TinyExperiment.twoTasks(robot, ctx);
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !ctx.run.isRunning()).get()
                && ctx.run.lastStatusProperty().get() == RunStatus.COMPLETED);
        WaitForAsyncUtils.waitForFxEvents();
        Path runDir = runs.resolve(ctx.run.runIdProperty().get());
        new RunInfo("Paper run #1: TERACON/synthetic", List.of(), "").write(runDir);
        String stem = "Paper-run-1-TERACON-synthetic";

        robot.clickOn("Accuracy matrix");
        click(robot, "#matrixCsvButton", "#matrixLatexButton");
        robot.clickOn("BWT / FWT");
        click(robot, "#transferCsvButton", "#transferLatexButton");
        robot.clickOn("Mask similarity");
        click(robot, "#heatmapPngButton", "#heatmapPdfButton", "#heatmapCsvButton");
        List<String> expected = List.of("accuracy_matrix.csv", "accuracy_matrix.tex", "transfer.csv", "transfer.tex", "heatmap.png",
                "heatmap.pdf", "heatmap.dat", "heatmap.tex", "heatmap.csv").stream().map(w -> stem + "-" + w).toList();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> expected.stream().allMatch(n -> Files.isRegularFile(exports.resolve(n))));

        // the view's CSV is the run folder's file: same headers, same full-precision numbers
        assertEquals(Files.readString(runDir.resolve("accuracy_matrix.csv")), Files.readString(exports.resolve(stem + "-accuracy_matrix.csv")));
        String transfer = Files.readString(exports.resolve(stem + "-transfer.csv"));
        assertEquals(Files.readString(runDir.resolve("transfer.csv")), transfer);
        assertTrue(transfer.startsWith("task,metric,\"R(Ti,Ti)\",\"R(TM,Ti)\",bwt_pct,single_task_R,fwt_pct\n"), transfer);
        PaperTableTest.assertNumeric(transfer, 2);
        PaperTableTest.assertNumeric(Files.readString(exports.resolve(stem + "-heatmap.csv")), 1);

        String latex = Files.readString(exports.resolve(stem + "-transfer.tex"));
        assertTrue(latex.contains("\\toprule") && latex.contains("\\bottomrule") && latex.contains("next\\_item & MRR@5 (robust)"), latex);
        try (PDDocument doc = Loader.loadPDF(exports.resolve(stem + "-heatmap.pdf").toFile())) {
            assertEquals(252, doc.getPage(0).getMediaBox().getWidth(), 0.01);
        }
        assertTrue(Files.readString(exports.resolve(stem + "-heatmap.tex")).contains("{" + stem + "-heatmap.dat}"));

        BufferedImage png = ImageIO.read(exports.resolve(stem + "-heatmap.png").toFile());
        assertTrue(contentShare(png) >= 0.9, "the exported heatmap is cropped to its drawing: " + contentShare(png));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    /** The crop is what makes the difference: the same view in a wide pane is mostly white before it. */
    @Test
    void cropToContentRemovesTheEmptySpaceAroundAHeatmap() throws Exception {
        BufferedImage shot = WaitForAsyncUtils.asyncFx(() -> {
            HeatmapView view = new HeatmapView();
            view.dataProperty().set(HeatmapData.cosine("m", List.of("next_item", "taste_group"), new double[][] {{1, 0.6}, {0.6, 1}}));
            return ReportExporter.render(view, 1400, 500);
        }).get();
        assertTrue(contentShare(shot) < 0.9, "uncropped: " + contentShare(shot));
        BufferedImage cropped = Exports.cropToContent(shot, ExportActions.CROP_MARGIN);
        assertTrue(contentShare(cropped) >= 0.9, "cropped: " + contentShare(cropped));
        assertTrue(cropped.getWidth() < shot.getWidth());
    }

    private void click(FxRobot robot, String... buttons) {
        for (String b : buttons) {
            dialogs.answers.add(exports);
            robot.clickOn(b);
        }
    }

    /** Area of the bounding box of the pixels that differ from the top-left (background) pixel, over the image's area. */
    static double contentShare(BufferedImage img) {
        int bg = img.getRGB(0, 0);
        int x0 = img.getWidth(), y0 = img.getHeight(), x1 = -1, y1 = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) == bg) continue;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
            }
        }
        return x1 < 0 ? 0 : (double) (x1 - x0 + 1) * (y1 - y0 + 1) / ((double) img.getWidth() * img.getHeight());
    }
}
