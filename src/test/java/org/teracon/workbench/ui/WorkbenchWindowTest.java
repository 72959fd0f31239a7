package org.teracon.workbench.ui;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.app.LiveEngine;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The real window on the real engine, headless, with a fresh runs folder per test and file choosers
 * answered by {@link RecordingDialogs}: what every window test starts from. TestFX looks for the
 * {@code @Start} method on the test class itself, so each subclass declares one that calls {@link #open}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WorkbenchWindowTest {
    @TempDir
    Path runs;
    @TempDir
    Path exports;
    final RecordingDialogs dialogs = new RecordingDialogs();
    WorkbenchContext ctx;

    void open(Stage stage) {
        ctx = new WorkbenchContext(new LiveEngine(runs), runs, dialogs);
        WorkbenchWindow.show(stage, ctx, WorkbenchWindow.SAMPLE_DATASET);
    }
}
