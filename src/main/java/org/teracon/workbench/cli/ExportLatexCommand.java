package org.teracon.workbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.teracon.workbench.experiment.AtomicFiles;
import org.teracon.workbench.experiment.LatexTable;
import org.teracon.workbench.experiment.PaperExport;
import org.teracon.workbench.experiment.PaperTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A run folder's (or a seed group's) accuracy matrix and transfer table as booktabs LaTeX. */
@Command(name = "export-latex", mixinStandardHelpOptions = true,
        description = {"Write a run folder's or a seed group's accuracy matrix and transfer table as LaTeX (booktabs; a group's cells "
                + "as mean \\pm std; the best per column in bold): <run name>-accuracy_matrix.tex and <run name>-transfer.tex.",
                "compare and study write their table's .tex themselves, beside the .csv."})
public class ExportLatexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "a run folder (results.json) or a seed group's folder (group.json)")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "folder to write into (default: RUN_DIR)")
    Path out;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) throw new CommandLine.ParameterException(spec.commandLine(), "not a folder: " + dir);
        Map<String, PaperTable> tables = PaperExport.tables(dir);
        if (tables.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    dir + " holds no results to export (no results.json, or a seed group without a completed seed)");
        }
        Path target = out == null ? dir : out;
        tables.forEach((name, t) -> {
            Path f = target.resolve(name + ".tex");
            AtomicFiles.writeString(f, LatexTable.of(t));
            System.out.println("wrote " + f);
        });
        return ExitCodes.OK;
    }
}
