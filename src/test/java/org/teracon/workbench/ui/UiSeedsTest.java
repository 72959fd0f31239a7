package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.SeedGroup;
import org.teracon.workbench.ui.vm.ExperimentFormViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Seeds field: validated like the other fields; two seeds run in turn and the views show mean ± std (n). */
class UiSeedsTest extends WorkbenchWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theSeedsFieldTakesACountOrADistinctList() {
        ExperimentFormViewModel f = new ExperimentFormViewModel();
        assertEquals("1", f.seeds.textProperty().get());
        assertFalse(f.seedList().isGroup(), "one seed by default: a plain run");
        f.seed.setText("10");
        f.seeds.setText("3");
        assertTrue(f.validProperty().get(), f.problems());
        assertEquals(List.of(10L, 11L, 12L), f.seedList().seeds());
        f.seeds.setText("4, 8");
        assertEquals(List.of(4L, 8L), f.seedList().seeds());
        f.seeds.setText("4,4");
        assertFalse(f.validProperty().get());
        assertTrue(f.seeds.errorProperty().get().startsWith("seeds: ") && f.seeds.errorProperty().get().contains("distinct"),
                f.seeds.errorProperty().get());
        f.seeds.setText("0");
        assertFalse(f.validProperty().get());
        f.seeds.setText("two");
        assertTrue(f.problems().contains("'two' is not a whole number"), f.problems());
    }

    @Test
    void twoSeedsRunInTurnAndTheTablesShowMeanAndStd(FxRobot robot) throws Exception {
        TinyExperiment.twoTasks(robot, ctx);
        robot.interact(() -> ctx.form.methodProperty().set("sinmoall"));
        TextField seeds = robot.lookup("#seedsField").queryAs(TextField.class);
        robot.interact(() -> seeds.setText("1,1"));
        Label error = robot.lookup("#seedsFieldError").queryAs(Label.class);
        assertTrue(error.getText().contains("distinct"), error.getText());
        assertTrue(robot.lookup("#runButton").queryButton().isDisabled(), "an invalid Seeds field disables Run");
        robot.interact(() -> seeds.setText("2"));

        List<Double> progress = new ArrayList<>();
        robot.interact(() -> ctx.run.overallProgressProperty().addListener((o, was, now) -> progress.add(now.doubleValue())));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> ctx.run.groupProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        SeedGroup g = ctx.run.groupProperty().get();
        assertEquals(List.of(42L, 43L), g.seeds());
        assertEquals(2, g.completed());
        assertEquals(RunStatus.COMPLETED, ctx.run.lastStatusProperty().get());
        // progress spans both seeds: it passes one half while the second seed trains
        assertTrue(progress.stream().anyMatch(p -> p > 0.5 && p < 1), progress.toString());
        assertTrue(ctx.run.matrixRows().get(1).cell(0).matches("\\d\\.\\d{4} ± \\d\\.\\d{4} \\(2\\)"), ctx.run.matrixRows().toString());
        TableView<?> transfer = robot.lookup("#transferTable").queryAs(TableView.class);
        Object cell = transfer.getColumns().get(3).getCellData(0);
        assertTrue(String.valueOf(cell).endsWith("(2)"), String.valueOf(cell));
        assertTrue(ctx.run.statusProperty().get().startsWith("Seed group [42, 43]: 2 of 2"), ctx.run.statusProperty().get());

        Path groupDir;
        try (var s = Files.list(runs)) {
            groupDir = s.filter(d -> Files.exists(d.resolve(SeedGroup.GROUP_JSON))).findFirst().orElseThrow();
        }
        assertTrue(Files.exists(groupDir.resolve("seed-42/results.json")) && Files.exists(groupDir.resolve("seed-43/results.json")));
        assertTrue(Files.exists(groupDir.resolve(SeedGroup.MATRIX)));
        // the view's CSV… is the group's mean/std/n file, named after the group's folder
        robot.clickOn("Accuracy matrix");
        dialogs.answers.add(exports);
        robot.clickOn("#matrixCsvButton");
        Path csv = exports.resolve(groupDir.getFileName() + "-accuracy_matrix.csv");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(csv));
        assertEquals(Files.readString(groupDir.resolve(SeedGroup.MATRIX)), Files.readString(csv));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ctx.history.runs().size() == 2);
        assertNotNull(ctx.history.runs().stream().filter(e -> e.dir().endsWith("seed-43")).findFirst().orElse(null));
    }
}
