package org.teracon.workbench.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.teracon.workbench.ui.engine.Background;
import org.teracon.workbench.ui.export.Exports;

/** Export buttons: ask for a file, capture on the FX thread, write in the background, report in the status bar. */
final class ExportActions {
    private final WorkbenchContext ctx;

    ExportActions(WorkbenchContext ctx) {
        this.ctx = ctx;
    }

    void png(Node node, String name) {
        ctx.dialogs().chooseSaveFile("Export PNG", name + ".png", "PNG image", "png").ifPresent(file -> {
            BufferedImage img = Exports.capture(node);
            write(file, () -> Exports.writePng(img, file));
        });
    }

    void svg(Supplier<String> svg, String name) {
        ctx.dialogs().chooseSaveFile("Export SVG", name + ".svg", "SVG vector image", "svg").ifPresent(file -> {
            String text = svg.get();
            write(file, () -> Exports.writeText(text, file));
        });
    }

    void csv(TableView<?> table, String name) {
        ctx.dialogs().chooseSaveFile("Export CSV", name + ".csv", "CSV table", "csv").ifPresent(file -> {
            String text = Exports.csvOf(table);
            write(file, () -> Exports.writeText(text, file));
        });
    }

    void text(String content, String name, String ext, String description) {
        ctx.dialogs().chooseSaveFile("Export", name + "." + ext, description, ext)
                .ifPresent(file -> write(file, () -> Exports.writeText(content, file)));
    }

    private void write(Path file, Runnable writer) {
        Background.submit(() -> {
            writer.run();
            return file;
        }, f -> ctx.status.info("Exported " + f), t -> ctx.error("Export failed", Background.describe(t)));
    }
}
