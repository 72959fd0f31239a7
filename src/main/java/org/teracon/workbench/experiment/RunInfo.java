package org.teracon.workbench.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What a researcher calls a run: a name, tags and a note, kept in {@code run-info.json} beside
 * results.json and written atomically. A run without the file is named by default.
 */
public record RunInfo(String name, List<String> tags, String note) {
    public static final String FILE = "run-info.json";

    public RunInfo {
        name = name == null ? "" : name.strip();
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        note = note == null ? "" : note;
    }

    /** "{@code <method> <dataset> <time>}", e.g. "teracon synthetic 2026-12-01 14:03". */
    public static String defaultName(ExperimentConfig c, LocalDateTime at) {
        String data = c.dataset() == null || c.dataset().isBlank() ? "?" : Path.of(c.dataset()).getFileName() + "";
        return c.method() + " " + data + " " + at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    public static RunInfo read(Path runDir) {
        Path f = runDir.resolve(FILE);
        return Files.isRegularFile(f) ? Json.read(f, RunInfo.class) : null;
    }

    public void write(Path runDir) {
        AtomicFiles.writeString(runDir.resolve(FILE), Json.write(this));
    }

    /** Tags as one comma-separated string; the inverse of {@link #parseTags}. */
    public String tagText() {
        return String.join(", ", tags);
    }

    public static List<String> parseTags(String text) {
        return text == null ? List.of() : List.of(text.split(",")).stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}
