package org.teracon.workbench;

import org.teracon.workbench.cli.WorkbenchCommand;
import picocli.CommandLine;

/**
 * One jar, two faces: with a subcommand it is the headless CLI; without arguments it opens the
 * JavaFX workbench. This class does not extend Application so the shaded jar starts without a
 * JavaFX module path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.teracon.workbench.ui.WorkbenchApp.launchApp(args);
            return;
        }
        org.teracon.workbench.cli.WorkbenchCommand.quietNd4jOpLog();
        CommandLine cli = new CommandLine(new WorkbenchCommand());
        // Bad input (a config value out of range, a malformed dataset line) is the user's to fix: say what, not a stack trace.
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + ex.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
