package org.teracon.workbench.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Another implementation's benchmark, run as a shell command that prints one line
 * {@code RESULT ... steps_per_s=X ... useful_gflops=Y} (as ../shared/bench/torch_tcn.py does). The
 * command may name the benchmark's own settings as placeholders, so both sides train the same shape
 * on the same data: {data}, {channels}, {dilations}, {kernel}, {batch} (T1's), {length}.
 */
public final class PeerCommand {

    /** The peer's RESULT line; {@code fields} holds every key=value it printed (threads, channels ...). */
    public record Result(double stepsPerSecond, double usefulGflops, Map<String, String> fields, String line) {
    }

    /** The peer could not be run, failed, or printed no usable RESULT line. */
    public static final class Failure extends RuntimeException {
        public Failure(String message) {
            super(message);
        }
    }

    public static final List<String> PLACEHOLDERS = List.of("data", "channels", "dilations", "kernel", "batch", "length");
    // ${VAR} is the shell's, not ours
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\$)\\{([a-z_]+)}");
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./,:=+@%-]+");

    private PeerCommand() {
    }

    /** The values the placeholders stand for, from the benchmark's own configuration. */
    public static Map<String, String> placeholders(ExperimentConfig cfg, int sequenceLength) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("data", shellQuote(Path.of(cfg.dataset()).toAbsolutePath().normalize().toString()));
        v.put("channels", String.valueOf(cfg.backbone().channels()));
        v.put("dilations", cfg.backbone().dilations().stream().map(String::valueOf).collect(Collectors.joining(",")));
        v.put("kernel", String.valueOf(cfg.backbone().kernelSize()));
        v.put("batch", String.valueOf(cfg.training().batchSizeFirst()));
        v.put("length", String.valueOf(sequenceLength));
        return v;
    }

    /** Replaces every {name}; a name we don't know is refused rather than handed to the shell as text. */
    public static String substitute(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in the peer command; known: "
                        + values.keySet().stream().map(k -> "{" + k + "}").collect(Collectors.joining(" ")));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String shellQuote(String s) {
        return SHELL_SAFE.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** The last line starting with RESULT; steps_per_s is required, useful_gflops NaN when absent. */
    public static Result parse(String stdout) {
        String line = stdout.lines().filter(l -> l.startsWith("RESULT")).reduce((a, b) -> b)
                .orElseThrow(() -> new Failure("the peer printed no line starting with RESULT"));
        Map<String, String> fields = new LinkedHashMap<>();
        for (String token : line.trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) fields.put(token.substring(0, eq), token.substring(eq + 1));
        }
        double steps = number(fields, "steps_per_s", line);
        if (!(steps > 0)) throw new Failure("the peer's steps_per_s is not a positive number: " + line);
        double gflops = fields.containsKey("useful_gflops") ? number(fields, "useful_gflops", line) : Double.NaN;
        return new Result(steps, gflops, fields, line);
    }

    private static double number(Map<String, String> fields, String key, String line) {
        String v = fields.get(key);
        if (v == null) throw new Failure("the peer's RESULT line has no " + key + "=: " + line);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new Failure("the peer's " + key + " is not a number: " + line);
        }
    }

    /** Runs {@code bash -c command}; its stderr is kept for the message when it fails. */
    public static Result run(String command) {
        Process p;
        try {
            p = new ProcessBuilder("bash", "-c", command).start();
        } catch (IOException e) {
            throw new Failure("cannot start bash for the peer command: " + e.getMessage());
        }
        try {
            p.getOutputStream().close(); // no input: the peer must not wait for any
            // stderr is drained alongside stdout, or a chatty peer blocks on a full pipe
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(p.getErrorStream()));
            String out = text(p.getInputStream());
            int code = p.waitFor();
            String stderr = err.join();
            if (code != 0) throw new Failure("the peer command failed with exit code " + code + ": " + command + tail("stderr", stderr));
            try {
                return parse(out);
            } catch (Failure f) {
                throw new Failure(f.getMessage() + ": " + command + tail("stdout", out) + tail("stderr", stderr));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new Failure("the peer command's output could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while the peer command ran: " + command);
        }
    }

    private static String text(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last 40 lines of a stream, for an error message (a Python traceback ends with its cause). */
    private static String tail(String name, String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty()) return "\n(" + name + " empty)";
        List<String> last = lines.subList(Math.max(0, lines.size() - 40), lines.size());
        return "\n--- peer " + name + (last.size() < lines.size() ? " (last 40 lines)" : "") + " ---\n" + String.join("\n", last);
    }
}
