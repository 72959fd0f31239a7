package org.teracon.workbench.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.scene.Node;
import org.teracon.workbench.experiment.LatexTable;
import org.teracon.workbench.experiment.PaperTable;
import org.teracon.workbench.experiment.RunInfo;
import org.teracon.workbench.experiment.RunName;
import org.teracon.workbench.experiment.SeedGroup;
import org.teracon.workbench.ui.engine.Background;
import org.teracon.workbench.ui.export.Exports;
import org.teracon.workbench.ui.export.PaperFigure;

/**
 * Export buttons: ask for a file (named {@code <run name>-<what>.<ext>}), capture on the FX thread,
 * write in the background, report in the status bar.
 */
final class ExportActions {
    /** Pixels kept around a cropped PNG's content. */
    static final int CROP_MARGIN = 6;
    private final WorkbenchContext ctx;

    ExportActions(WorkbenchContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The shown run's name for file names: run-info.json's name, else its folder's, else "run". A seed
     * group is named after the group's folder (its tables are the group's); a study's run after the study
     * and its label ("...-noisy-study-with-noise").
     */
    String stem() {
        String id = ctx.run.runIdProperty().get();
        if (id == null || id.isEmpty()) return "run";
        Path root = ctx.runsRoot();
        Path dir = root.resolve(id);
        if (!Files.isDirectory(dir) && Files.isDirectory(root)) {
            // a study's or a seed group's run lives one level down
            try (Stream<Path> s = Files.list(root)) {
                dir = s.map(p -> p.resolve(id)).filter(Files::isDirectory).findFirst().orElse(dir);
            } catch (IOException e) {
                // the name falls back to the run id
            }
        }
        Path parent = dir.getParent();
        if (parent == null || parent.equals(root)) return RunName.of(dir);
        if (ctx.run.groupProperty().get() != null && Files.isRegularFile(parent.resolve(SeedGroup.GROUP_JSON))) return RunName.of(parent);
        RunInfo info = Files.isDirectory(dir) ? RunInfo.read(dir) : null;
        return info != null && !info.name().isBlank() ? RunName.of(dir) : RunName.sanitise(parent.getFileName() + "-" + dir.getFileName());
    }

    /** @param crop cut the snapshot to its content (a view's snapshot keeps the empty space around it) */
    void png(Node node, String what, boolean crop) {
        ctx.dialogs().chooseSaveFile("Export PNG", stem() + "-" + what + ".png", "PNG image", "png").ifPresent(file -> {
            BufferedImage shot = Exports.capture(node);
            BufferedImage img = crop ? Exports.cropToContent(shot, CROP_MARGIN) : shot;
            write(file, () -> Exports.writePng(img, file));
        });
    }

    void svg(Supplier<String> svg, String what) {
        ctx.dialogs().chooseSaveFile("Export SVG", stem() + "-" + what + ".svg", "SVG vector image", "svg").ifPresent(file -> {
            String text = svg.get();
            write(file, () -> Exports.writeText(text, file));
        });
    }

    /** The PDF, plus {@code <name>.dat} and {@code <name>.tex} (pgfplots) beside it. */
    void pdf(Supplier<PaperFigure> figure, String what) {
        ctx.dialogs().chooseSaveFile("Export PDF (with pgfplots data)", stem() + "-" + what + ".pdf", "PDF document", "pdf").ifPresent(file -> {
            PaperFigure f = figure.get();
            String base = file.getFileName().toString().replaceFirst("\\.pdf$", "");
            write(file, () -> f.files(base).forEach((name, bytes) -> Exports.writeBytes(bytes, file.resolveSibling(name))));
        });
    }

    /** The table's numeric CSV (its {@link PaperTable}), the same file the run folder or the report holds. */
    void csv(Supplier<PaperTable> table, String what) {
        PaperTable t = table.get();
        if (t == null) {
            ctx.error("Export", "Nothing to export yet: the table fills in as the run evaluates each task.");
            return;
        }
        text(t.csv(), what, "csv", "CSV table");
    }

    void latex(Supplier<PaperTable> table, String what) {
        PaperTable t = table.get();
        if (t == null) {
            ctx.error("Export", "Nothing to export yet: the table fills in as the run evaluates each task.");
            return;
        }
        text(LatexTable.of(t), what, "tex", "LaTeX table (booktabs)");
    }

    /** @param what the part after the run's name; a study passes its own full name through {@link #named}. */
    void text(String content, String what, String ext, String description) {
        named(content, stem() + "-" + what, ext, description);
    }

    void named(String content, String name, String ext, String description) {
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
