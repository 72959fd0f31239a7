package org.teracon.workbench.cli;

import picocli.CommandLine.Command;

@Command(name = "teracon-workbench", mixinStandardHelpOptions = true, version = "TERACON Workbench 0.1.0",
        description = "Continual user-representation learning workbench. Without a command the GUI opens.",
        subcommands = {RunCommand.class, CompareCommand.class, StudyCommand.class, ImportMovieLensCommand.class,
                GenerateSyntheticCommand.class, BenchmarkCommand.class, ExportLatexCommand.class})
public class WorkbenchCommand {

    /** The CLI as Main runs it and the tests execute it in-process: errors become one line and an {@link ExitCodes} code. */
    public static picocli.CommandLine commandLine() {
        picocli.CommandLine cli = new picocli.CommandLine(new WorkbenchCommand());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> ExitCodes.handle(ex, cmd));
        return cli;
    }

    /** Hides ND4J's per-op gradient-building printout from the console (see {@link OpLogFilter}). */
    public static void quietNd4jOpLog() {
        OpLogFilter.install();
    }
}
