package org.teracon.workbench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.teracon.workbench.model.GemmLanes;
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
        cmd.add(classPath());
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put(Threads.OMP, "1");
        try {
            Process child = pb.start();
            // Ctrl+C reaches the child too (same process group); the parent just waits for its verdict
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (child.isAlive()) child.destroy();
                try {
                    // the child records CANCELLED before it ends; wait (bounded) so its last lines are printed
                    child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
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

    /**
     * The JVM's class path, plus the jar or folder this class came from when the class path lacks it:
     * spark-submit loads the application jar through its own class loader, not the class path.
     */
    static String classPath() {
        String cp = System.getProperty("java.class.path", "");
        try {
            java.security.CodeSource src = Main.class.getProtectionDomain().getCodeSource();
            if (src == null) return cp;
            String self = Path.of(src.getLocation().toURI()).toString();
            boolean listed = java.util.Arrays.stream(cp.split(java.io.File.pathSeparator)).anyMatch(e -> !e.isEmpty() && Path.of(e).toAbsolutePath().equals(Path.of(self)));
            return listed ? cp : cp.isEmpty() ? self : cp + java.io.File.pathSeparator + self;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return cp;
        }
    }

    /** Why the window cannot open here (a Linux session without X11 or Wayland), or null. */
    static String noDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean headlessGlass = "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"));
        if (!linux || headlessGlass) return null;
        String x = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        if ((x == null || x.isBlank()) && (wayland == null || wayland.isBlank())) {
            return "no display to open the workbench window on (DISPLAY is not set); the commands work without one: --help lists them";
        }
        return null;
    }

    public static void main(String[] args) {
        Threads.skipPhysicalMemoryCheck();
        if (Threads.ompUnset() && System.getProperty(RELAUNCHED) == null) {
            Integer code = relaunchWithOneOpenMpThread(args);
            if (code != null) System.exit(code);
        }
        GemmLanes.configureBlas();
        if (args.length == 0) {
            String noDisplay = noDisplay();
            if (noDisplay != null) {
                System.err.println("error: " + noDisplay);
                System.exit(2);
            }
            try {
                org.teracon.workbench.ui.WorkbenchApp.launchApp(args);
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                System.err.println("error: the workbench window could not open (" + e.getMessage()
                        + "); the commands work without one: --help lists them");
                System.exit(2);
            }
            return;
        }
        org.teracon.workbench.cli.WorkbenchCommand.quietNd4jOpLog();
        // Bad input (a config value out of range, a malformed dataset line) is the user's to fix: say what, not a stack trace.
        CommandLine cli = WorkbenchCommand.commandLine();
        System.exit(cli.execute(args));
    }
}
