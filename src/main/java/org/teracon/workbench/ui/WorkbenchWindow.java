package org.teracon.workbench.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Builds the main window from /fxml/main.fxml; used by the app, the tests and the screenshot renderer. */
public final class WorkbenchWindow {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 720;
    public static final Path SAMPLE_DATASET = Path.of("sample-datasets", "synthetic");

    private final Scene scene;
    private final MainController controller;

    private WorkbenchWindow(Scene scene, MainController controller) {
        this.scene = scene;
        this.controller = controller;
    }

    public static WorkbenchWindow create(WorkbenchContext ctx) {
        FXMLLoader loader = new FXMLLoader(WorkbenchWindow.class.getResource("/fxml/main.fxml"));
        // Controllers take the context in their constructor: no static state, one context per window.
        loader.setControllerFactory(type -> {
            try {
                return type.getConstructor(WorkbenchContext.class).newInstance(ctx);
            } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot create controller " + type.getName(), e);
            }
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load /fxml/main.fxml", e);
        }
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(WorkbenchWindow.class.getResource("/styles/workbench.css").toExternalForm());
        applyTheme(scene, null, ctx.theme.get());
        ctx.theme.addListener((o, was, now) -> applyTheme(scene, was, now));
        return new WorkbenchWindow(scene, loader.getController());
    }

    private static void applyTheme(Scene scene, FormMemory.Theme was, FormMemory.Theme now) {
        if (was != null && was.stylesheet != null) scene.getStylesheets().remove(WorkbenchWindow.class.getResource(was.stylesheet).toExternalForm());
        if (now != null && now.stylesheet != null) scene.getStylesheets().add(WorkbenchWindow.class.getResource(now.stylesheet).toExternalForm());
    }

    /** Shows the window on {@code stage} and starts loading {@code initialDataset} (if it exists). */
    public static WorkbenchWindow show(Stage stage, WorkbenchContext ctx, Path initialDataset) {
        if (ctx.dialogs() == null) ctx.setDialogs(new FxDialogs(stage));
        WorkbenchWindow w = create(ctx);
        stage.setTitle("TERACON Workbench");
        stage.setScene(w.scene);
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setOnCloseRequest(e -> ctx.cancelAll());
        stage.show();
        ctx.startup(initialDataset);
        return w;
    }

    public Scene scene() {
        return scene;
    }

    public MainController controller() {
        return controller;
    }
}
