package org.teracon.workbench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.teracon.workbench.model.Threads;

import org.teracon.workbench.cli.WorkbenchCommand;
import picocli.CommandLine;

/**
 * One jar, two faces: with a subcommand it is the headless CLI; without arguments it opens the
 * JavaFX workbench. This class does not extend Application so the shaded jar starts without a
 * JavaFX module path.
 */
public final class Main {
    private static final String RELAUNCHED = "teracon.relaunched";

    private Main() {
    }

    /**
     * The same JVM command with OMP_NUM_THREADS=1 (see {@link Threads}): the native library reads it
     * only from the environment, when it loads. Standard streams are shared; the exit code is passed on.
     * Returns null when the restart itself failed.
     */
    private static Integer relaunchWithOneOpenMpThread(String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-D" + RELAUNCHED + "=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put(Threads.OMP, "1");
        try {
            Process child = pb.start();
            // Ctrl+C reaches the child too (same process group); the parent just waits for its verdict
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (child.isAlive()) child.destroy();
            }));
            return child.waitFor();
        } catch (IOException e) {
            System.err.println("note: could not restart with " + Threads.OMP + "=1 (" + e.getMessage() + "); continuing with the default threading");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    public static void main(String[] args) {
        if (Threads.ompUnset() && System.getProperty(RELAUNCHED) == null) {
            Integer code = relaunchWithOneOpenMpThread(args);
            if (code != null) System.exit(code);
        }
        Threads.useAllCoresForBlas();
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
