package org.teracon.workbench.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        System.setOut(new PrintStream(out, true));
        try {
            CommandLine cli = new CommandLine(new WorkbenchCommand());
            cli.setErr(new java.io.PrintWriter(err, true));
            cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
                cmd.getErr().println("error: " + ex.getMessage());
                return 2;
            });
            int code = cli.execute(args);
            return new String[] {String.valueOf(code), out.toString(), err.toString()};
        } finally {
            System.setOut(oldOut);
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : new String[] {"run", "compare", "study", "import-movielens", "generate-synthetic", "benchmark"}) {
            String[] r = run(c, "--help");
            assertEquals("0", r[0], c);
            assertTrue(r[1].contains("Usage: teracon-workbench " + c), c + ": " + r[1]);
        }
    }

    @Test
    void runFromFlagsWritesTheRunFolderAndPrintsTheTables(@TempDir Path dir) throws Exception {
        String[] r = run("run", "--dataset", "sample-datasets/synthetic", "--method", "sinmoall", "--order", "next_item,taste_group",
                "--channels", "8", "--dilations", "1", "--epochs", "1", "--out", dir.resolve("r").toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("accuracy_matrix"), r[1]);
        assertTrue(r[1].contains("BWT"), r[1]);
        assertTrue(Files.exists(dir.resolve("r/results.json")));
        assertTrue(Files.isDirectory(dir.resolve(".sinmo-reference")), "FWT reference trained beside the run");
        String transfer = Files.readString(dir.resolve("r/transfer.csv"));
        assertFalse(transfer.lines().skip(1).anyMatch(l -> l.endsWith(",")), "FWT filled: " + transfer);
    }

    @Test
    void badInputIsAnErrorMessageNotAStackTrace(@TempDir Path dir) {
        String[] r = run("run", "--dataset", "sample-datasets/synthetic", "--channels", "0", "--out", dir.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("error: channels must be >= 1, got 0"), r[2]);
        String[] missing = run("run", "--dataset", dir.resolve("nowhere").toString(), "--out", dir.resolve("x").toString());
        assertEquals("2", missing[0]);
        assertTrue(missing[2].startsWith("error: "), missing[2]);
    }
}
