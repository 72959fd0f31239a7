package org.teracon.workbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.teracon.workbench.app.LiveEngine;
import org.teracon.workbench.app.RunEntry;
import org.teracon.workbench.experiment.RunStatus;
import org.teracon.workbench.experiment.Studies;
import org.teracon.workbench.ui.export.Exports;
import org.teracon.workbench.ui.vm.TaskOrderItem;

/**
 * Renders the real window, driven through its view models against the real engine, into PNGs:
 * the dataset, a TERACON run, the same run with the order changed by a drag and a noisy task (in
 * progress, then each view), the two runs compared (table, curves, difference heatmap), the exported heatmap, and a sampling study.
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

        Path exportDir = Files.createTempDirectory("teracon-screenshots-export");
        WorkbenchContext ctx = fx(() -> new WorkbenchContext(new LiveEngine(runs), runs, new ConsoleDialogs(exportDir)));
        WorkbenchWindow window = fx(() -> WorkbenchWindow.show(new Stage(), ctx, WorkbenchWindow.SAMPLE_DATASET));
        TabPane tabs = fx(() -> window.controller().tabs());
        TabPane views = fx(() -> (TabPane) window.scene().lookup("#runViewTabs"));

        await(() -> ctx.dataset.getDataset() != null, "the sample dataset to load");
        fx(() -> {
            tabs.getSelectionModel().select(0);
            return null;
        });
        shoot(window, out.resolve("01-dataset.png"));

        // The "done when" flow: TERACON on the sample, then the same experiment with the
        // order changed by a drag and a noisy task inserted, both runs compared, the heatmap exported.
        // The window's default experiment on the sample, as a new user gets it (sample preset, every task,
        // TERACON with the reference's s_max 50, α 0.7, c 6, seed 42): the captions say so.
        fx(() -> {
            ctx.form.resetToDefaults();
            ctx.form.methodProperty().set("teracon");
            ctx.form.runName.setText("defaults");
            ctx.run.start(ctx.currentExperiment(), ctx.form.seedList(), ctx.form.runInfo(ctx.currentExperiment()));
            return null;
        });
        await(() -> !ctx.run.isRunning() && ctx.run.lastStatusProperty().get() != RunStatus.RUNNING, "the first run to finish");
        List<String> firstOrder = fx(() -> ctx.taskOrder.taskOrder());

        fx(() -> {
            tabs.getSelectionModel().select(1);
            return null;
        });
        dragTask(window, firstOrder.get(3), firstOrder.get(1));
        fx(() -> {
            ctx.taskOrder.noisyPositionProperty().set(3);
            ctx.taskOrder.insertNoisy();
            return null;
        });
        List<String> secondOrder = fx(() -> ctx.taskOrder.taskOrder());
        if (!secondOrder.subList(0, 2).equals(List.of(firstOrder.get(0), firstOrder.get(3)))) {
            throw new IllegalStateException("the drag did not reorder " + firstOrder + ": " + secondOrder);
        }
        System.out.println("order " + firstOrder + " -> " + secondOrder);
        shoot(window, out.resolve("02-experiment.png"));

        String firstRunId = fx(() -> ctx.run.resultProperty().get().runId());
        fx(() -> {
            ctx.form.runName.setText("dragged order + generated noisy task");
            ctx.run.start(ctx.currentExperiment(), ctx.form.seedList(), ctx.form.runInfo(ctx.currentExperiment()));
            tabs.getSelectionModel().select(2);
            views.getSelectionModel().select(0);
            return null;
        });
        await(() -> ctx.run.losses().size() >= 2 && ctx.run.losses().get(1).points() > 30, "the second run to reach its second task");
        shoot(window, out.resolve("03-main-midrun.png"));

        await(() -> !ctx.run.isRunning() && ctx.run.resultProperty().get() != null
                && !ctx.run.resultProperty().get().runId().equals(firstRunId), "the second run to finish");
        if (fx(() -> ctx.run.lastStatusProperty().get()) != RunStatus.COMPLETED) {
            throw new IllegalStateException("the second run did not complete: " + fx(() -> ctx.run.statusProperty().get()));
        }
        String[] names = {"04-loss.png", "05-heatmap.png", "06-accuracy-matrix.png", "07-bwt-fwt.png", "08-rho-timing.png"};
        for (int i = 0; i < names.length; i++) {
            int k = i;
            fx(() -> {
                views.getSelectionModel().select(k);
                return null;
            });
            shoot(window, out.resolve(names[i]));
        }
        // the same heatmap in the dark theme (View > Dark theme)
        fx(() -> {
            views.getSelectionModel().select(1);
            ctx.theme.set(FormMemory.Theme.DARK);
            return null;
        });
        shoot(window, out.resolve("05b-heatmap-dark.png"));
        fx(() -> {
            ctx.theme.set(FormMemory.Theme.LIGHT);
            views.getSelectionModel().select(0);
            ctx.run.selectedLossProperty().set(org.teracon.workbench.ui.vm.CurveViewModel.WHOLE_RUN);
            return null;
        });
        shoot(window, out.resolve("04b-loss-whole-run.png"));

        fx(() -> {
            ctx.history.refresh();
            return null;
        });
        await(() -> ctx.history.runs().size() == 2, "both TERACON runs in the history");
        fx(() -> {
            tabs.getSelectionModel().select(3);
            @SuppressWarnings("unchecked")
            TableView<RunEntry> table = (TableView<RunEntry>) window.scene().lookup("#runTable");
            table.getSelectionModel().selectAll();
            // The history lists newest first; comparing against the original-order run reads better.
            List<RunEntry> selected = new java.util.ArrayList<>(table.getSelectionModel().getSelectedItems());
            java.util.Collections.reverse(selected);
            ctx.history.compare(selected);
            return null;
        });
        await(() -> !ctx.history.comparison().taskRows().isEmpty(), "the comparison");
        shoot(window, out.resolve("09-comparison.png"));
        // The Compare view's other tabs: overlaid curves and the accuracy-matrix difference heatmap.
        TabPane compareTabs = fx(() -> (TabPane) window.scene().lookup("#compareTabs"));
        String[] compareShots = {"09b-compare-curves.png", "09c-compare-difference.png"};
        int[] compareTabIndex = {2, 3};
        for (int i = 0; i < compareShots.length; i++) {
            int k = compareTabIndex[i];
            fx(() -> {
                compareTabs.getSelectionModel().select(k);
                return null;
            });
            shoot(window, out.resolve(compareShots[i]));
        }
        fx(() -> {
            compareTabs.getSelectionModel().select(0);
            return null;
        });

        // The export button itself, so the file is what a user gets, not a capture made here.
        Path heatmapFile = exportDir.resolve(fx(() -> new ExportActions(ctx).stem()) + "-heatmap.png");
        fx(() -> {
            tabs.getSelectionModel().select(2);
            views.getSelectionModel().select(1);
            return null;
        });
        Thread.sleep(300);
        fx(() -> {
            ((Button) window.scene().lookup("#heatmapPngButton")).fire();
            return null;
        });
        await(() -> Files.isRegularFile(heatmapFile) && ctx.status.messageProperty().get().startsWith("Exported"), "the heatmap export");
        Files.copy(heatmapFile, out.resolve("12-heatmap-export.png"), StandardCopyOption.REPLACE_EXISTING);
        System.out.println("wrote " + out.resolve("12-heatmap-export.png"));

        // The sampling study on the same tasks (without the noisy task), through the Studies action;
        // smaller than the runs above because it trains three of them.
        fx(() -> {
            ctx.form.channels.setText("16");
            ctx.form.epochsFirst.setText("3");
            ctx.form.epochs.setText("3");
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

    /**
     * Drags one task onto another through the task list's own mouse handlers, as a press-drag-release
     * by a user would, so the screenshots show the order that gesture produces.
     */
    private static void dragTask(WorkbenchWindow window, String task, String onto) throws Exception {
        fx(() -> {
            window.scene().getRoot().applyCss();
            window.scene().getRoot().layout();
            ListCell<?> from = cell(window, task);
            ListCell<?> to = cell(window, onto);
            Bounds b = to.localToScene(to.getBoundsInLocal());
            double x = b.getCenterX();
            double y = b.getCenterY();
            for (var type : List.of(MouseEvent.MOUSE_DRAGGED, MouseEvent.MOUSE_RELEASED)) {
                Event.fireEvent(from, new MouseEvent(type, x, y, x, y, MouseButton.PRIMARY, 1,
                        false, false, false, false, type == MouseEvent.MOUSE_DRAGGED, false, false, false, false, false, null));
            }
            return null;
        });
    }

    private static ListCell<?> cell(WorkbenchWindow window, String task) {
        return window.scene().lookup("#taskOrderList").lookupAll(".list-cell").stream()
                .map(n -> (ListCell<?>) n)
                .filter(c -> c.getItem() instanceof TaskOrderItem t && t.name().equals(task))
                .findFirst().orElseThrow(() -> new IllegalStateException("no cell for " + task));
    }

    /** No user to answer choosers: save dialogs answer the export folder; errors go to the console. */
    private static final class ConsoleDialogs implements Dialogs {
        private final Path exportDir;

        ConsoleDialogs(Path exportDir) {
            this.exportDir = exportDir;
        }

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
            return Optional.of(exportDir.resolve(initialName));
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
