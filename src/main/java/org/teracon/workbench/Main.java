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
            args = new String[] {"--help"}; // until the GUI lands

        }
        System.exit(new CommandLine(new WorkbenchCommand()).execute(args));
    }
}
