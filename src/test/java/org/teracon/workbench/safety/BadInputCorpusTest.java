package org.teracon.workbench.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.teracon.workbench.cli.WorkbenchCommand;

/**
 * The bad-input corpus: each folder of {@code src/test/resources/bad-input/} is one case whose
 * {@code case.properties} gives the command ({@code args}; {@code {case}} is a scratch copy of the
 * case's folder, {@code {tmp}} an empty scratch folder), the exit code and a fragment of the message,
 * and optionally files ({@code keep}, comma-separated, under {@code {case}}) that must survive.
 * Every case runs in-process through the CLI as Main builds it.
 */
class BadInputCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/bad-input");

    static Stream<String> cases() throws IOException {
        try (var list = Files.list(CORPUS)) {
            return list.filter(p -> Files.isRegularFile(p.resolve("case.properties"))).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithItsExitCodeAndMessage(String name, @TempDir Path scratch) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(CORPUS.resolve(name).resolve("case.properties"))) {
            p.load(r);
        }
        Path caseDir = scratch.resolve("case");
        copy(CORPUS.resolve(name), caseDir);
        Path tmp = Files.createDirectories(scratch.resolve("tmp"));
        List<String> args = new ArrayList<>();
        for (String a : p.getProperty("args").trim().split("\\s+")) {
            args.add(a.replace("{case}", caseDir.toString()).replace("{tmp}", tmp.toString()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            var cli = WorkbenchCommand.commandLine();
            cli.setErr(new PrintWriter(err, true));
            cli.setOut(new PrintWriter(out, true));
            code = cli.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String all = out + "\n" + err;
        assertEquals(Integer.parseInt(p.getProperty("exit").trim()), code, name + " exit code; output:\n" + tail(all));
        String message = p.getProperty("message").trim();
        assertTrue(all.contains(message), name + ": expected '" + message + "' in:\n" + tail(all));
        assertTrue(!all.contains("\tat org.") && !all.contains("Exception in thread"), name + " printed a stack trace:\n" + tail(all));
        for (String keep : p.getProperty("keep", "").split(",")) {
            if (!keep.isBlank()) assertTrue(Files.exists(caseDir.resolve(keep.trim())), name + ": " + keep + " was deleted");
        }
        // bad input trains nothing and writes no run
        assertTrue(!Files.exists(tmp.resolve("r").resolve("results.json")), name + " wrote a run");
    }

    private static String tail(String s) {
        return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path src : walk.toList()) {
                Path dst = to.resolve(from.relativize(src).toString());
                if (Files.isDirectory(src)) Files.createDirectories(dst);
                else Files.copy(src, dst);
            }
        }
    }
}
