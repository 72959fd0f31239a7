package org.teracon.workbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.Studies;
import org.teracon.workbench.ui.engine.LiveEngine;
import org.teracon.workbench.ui.engine.RunEntry;
import org.teracon.workbench.ui.export.Exports;

/**
 * Renders the real window, driven through its view models against the real engine, into PNGs:
 * the dataset, a run in progress, each live view after the run, a comparison of two runs and a study.
 * Usage (headless): {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw
 * -cp target/teracon-workbench.jar org.teracon.workbench.ui.ScreenshotRenderer screenshots/}
 */
public final class ScreenshotRenderer {
    private static final long TIMEOUT_S = 600;

    private ScreenshotRenderer() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "screenshots");
        Files.createDirectories(out);
        // Monocle's default headless screen (1280x800) is smaller than the window and clips rendering.
        System.setProperty("headless.geometry", System.getProperty("headless.geometry", "1600x1200-32"));
        Path runs = Files.createTempDirectory("teracon-screenshots-runs");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);

        WorkbenchContext ctx = fx(() -> new WorkbenchContext(new LiveEngine(runs), runs, new ConsoleDialogs()));
        WorkbenchWindow window = fx(() -> WorkbenchWindow.show(new Stage(), ctx, WorkbenchWindow.SAMPLE_DATASET));
        TabPane tabs = fx(() -> window.controller().tabs());
        TabPane views = fx(() -> (TabPane) window.scene().lookup("#runViewTabs"));

        await(() -> ctx.dataset.getDataset() != null, "the sample dataset to load");
        fx(() -> {
            tabs.getSelectionModel().select(0);
            return null;
        });
        shoot(window, out.resolve("01-dataset.png"));

        fx(() -> {
            ctx.form.channels.setText("16");
            ctx.form.dilations.setText("1,4");
            ctx.form.epochsFirst.setText("3");
            ctx.form.epochs.setText("3");
            ctx.form.batchSizeFirst.setText("32");
            ctx.form.batchSize.setText("32");
            ctx.form.methodProperty().set("teracon");
            ctx.taskOrder.noisyPositionProperty().set(3);
            ctx.taskOrder.insertNoisy();
            tabs.getSelectionModel().select(1);
            return null;
        });
        shoot(window, out.resolve("02-experiment.png"));

        fx(() -> {
            ctx.run.start(ctx.currentExperiment());
            tabs.getSelectionModel().select(2);
            views.getSelectionModel().select(0);
            return null;
        });
        await(() -> ctx.run.losses().size() >= 2 && ctx.run.losses().get(1).points() > 30, "the run to reach its second task");
        shoot(window, out.resolve("03-main-midrun.png"));

        await(() -> !ctx.run.isRunning() && ctx.run.lastStatusProperty().get() != RunStatus.RUNNING, "the run to finish");
        String[] names = {"04-loss.png", "05-heatmap.png", "06-accuracy-matrix.png", "07-bwt-fwt.png", "08-rho-timing.png"};
        for (int i = 0; i < names.length; i++) {
            int k = i;
            fx(() -> {
                views.getSelectionModel().select(k);
                return null;
            });
            shoot(window, out.resolve(names[i]));
        }

        fx(() -> {
            ctx.form.methodProperty().set("finesmax");
            ctx.run.start(ctx.currentExperiment());
            return null;
        });
        await(() -> !ctx.run.isRunning() && ctx.run.lastStatusProperty().get() != RunStatus.RUNNING, "the second run to finish");
        fx(() -> {
            ctx.history.refresh();
            return null;
        });
        await(() -> ctx.history.runs().size() >= 2, "both runs in the history");
        fx(() -> {
            tabs.getSelectionModel().select(3);
            @SuppressWarnings("unchecked")
            TableView<RunEntry> table = (TableView<RunEntry>) window.scene().lookup("#runTable");
            table.getSelectionModel().selectAll();
            ctx.history.compare(List.copyOf(table.getSelectionModel().getSelectedItems()));
            return null;
        });
        await(() -> !ctx.history.compareRows().isEmpty(), "the comparison");
        shoot(window, out.resolve("09-comparison.png"));

        // The sampling study on the same tasks (without the noisy task), through the Studies action.
        fx(() -> {
            ctx.form.methodProperty().set("teracon");
            ctx.taskOrder.removeNoisy();
            StudyActions.start(ctx, Studies.Kind.SAMPLING);
            return null;
        });
        await(() -> ctx.study.progressTextProperty().get().startsWith("Run 2 of"), "the study's second run");
        shoot(window, out.resolve("10-study-running.png"));
        await(() -> !ctx.study.isRunning() && ctx.study.outcomeProperty().get() != null, "the sampling study");
        if (ctx.study.table() == null) throw new IllegalStateException(ctx.study.statusProperty().get());
        shoot(window, out.resolve("11-study-table.png"));
        System.out.println("screenshots written to " + out.toAbsolutePath());
        Platform.exit();
        System.exit(0);
    }

    private static void shoot(WorkbenchWindow window, Path file) throws Exception {
        Thread.sleep(300); // let queued run events and layout settle
        var image = fx(() -> {
            window.scene().getRoot().applyCss();
            window.scene().getRoot().layout();
            return Exports.capture(window.scene().getRoot());
        });
        Exports.writePng(image, file);
        System.out.println("wrote " + file);
    }

    private static void await(BooleanSupplier onFx, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (!fx(onFx::getAsBoolean)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out waiting for " + what);
            Thread.sleep(200);
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        FutureTask<T> task = new FutureTask<>(c);
        Platform.runLater(task);
        return task.get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** No user to answer choosers; errors go to the console and abort the rendering. */
    private static final class ConsoleDialogs implements Dialogs {
        @Override
        public Optional<Path> chooseDirectory(String title, Path initial) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseOpenFile(String title, String description, String extension) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseSaveFile(String title, String initialName, String description, String extension) {
            return Optional.empty();
        }

        @Override
        public Optional<int[]> importSettings(int a, int b) {
            return Optional.empty();
        }

        @Override
        public void showError(String title, String message) {
            System.err.println("ERROR " + title + ": " + message);
        }

        @Override
        public void showInfo(String title, String message) {
            System.out.println(title + ": " + message);
        }
    }
}
