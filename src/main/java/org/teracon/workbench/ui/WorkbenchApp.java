package org.teracon.workbench.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.teracon.workbench.app.LiveEngine;

/** The desktop application; {@code org.teracon.workbench.Main} starts it when no CLI subcommand is given. */
public final class WorkbenchApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    /** Runs folder: {@code runs/} under the working directory, or the system property {@code teracon.runs}. */
    public static Path runsRoot() {
        return Path.of(System.getProperty("teracon.runs", "runs"));
    }

    @Override
    public void start(Stage stage) {
        Path runs = runsRoot();
        WorkbenchContext ctx = new WorkbenchContext(new LiveEngine(runs), runs, null);
        WorkbenchWindow.show(stage, ctx, WorkbenchWindow.SAMPLE_DATASET);
    }
}
