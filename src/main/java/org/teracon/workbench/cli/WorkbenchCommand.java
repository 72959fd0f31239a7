package org.teracon.workbench.cli;

import picocli.CommandLine.Command;

@Command(name = "teracon-workbench", mixinStandardHelpOptions = true, version = "TERACON Workbench 0.1.0",
        description = "Continual user-representation learning workbench. Without a command the GUI opens.",
        subcommands = {RunCommand.class, CompareCommand.class, StudyCommand.class, ImportMovieLensCommand.class,
                GenerateSyntheticCommand.class, BenchmarkCommand.class})
public class WorkbenchCommand {

    /** Hides ND4J's per-op gradient-building printout from the console (see {@link OpLogFilter}). */
    public static void quietNd4jOpLog() {
        OpLogFilter.install();
    }
}
