package org.teracon.workbench.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads and writes our dataset folder format: a {@code dataset.json} manifest plus CSV files. */
public final class DatasetFolder {

    public static final String MANIFEST = "dataset.json";
    static final String SEQUENCES_HEADER = "user,items";
    static final String TASK_HEADER = "user,labels";
    static final String ITEMS_HEADER = "item";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Strict so that a misspelt key (e.g. "clases") fails instead of silently changing meaning.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // nor may "sequenceLength": 2.5 become 2, or a repeated key silently win
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private DatasetFolder() {
    }

    public static Dataset read(Path dir) {
        return new DatasetFolderReader(dir, readManifest(dir.resolve(MANIFEST))).read();
    }

    static DatasetManifest readManifest(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(file, 0, "a dataset.json manifest");
        }
        try {
            return JSON.readValue(file.toFile(), DatasetManifest.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DatasetFormatException(file, line, "a JSON manifest {\"format\":\"" + DatasetManifest.FORMAT
                    + "\",\"name\",\"sequenceLength\",\"tasks\":[...]}: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Writes the dataset into {@code dir}, replacing what is there. Files go to a sibling temporary
     * folder first and are moved into place at the end, so a crash never leaves a half-written
     * dataset under the target name.
     */
    public static void write(Dataset ds, Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
            Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp");
            // Temp directories are owner-only; a dataset folder should be as readable as any other.
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            try {
                writeInto(ds, tmp);
                replace(tmp, target);
            } finally {
                if (Files.exists(tmp)) {
                    deleteRecursively(tmp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dataset to " + dir, e);
        }
    }

    private static void writeInto(Dataset ds, Path dir) throws IOException {
        List<String> itemLines = new ArrayList<>();
        itemLines.add(ITEMS_HEADER);
        for (String item : ds.itemNames().subList(1, ds.itemNames().size())) {
            itemLines.add(checkToken(item, "item"));
        }
        Files.write(dir.resolve("items.csv"), itemLines, StandardCharsets.UTF_8);

        List<String> seqLines = new ArrayList<>();
        seqLines.add(SEQUENCES_HEADER);
        for (int u = 0; u < ds.numUsers(); u++) {
            StringBuilder line = new StringBuilder(checkUser(ds.userIds().get(u))).append(',');
            String sep = "";
            for (int item : ds.sequences()[u]) {
                if (item != 0) {
                    line.append(sep).append(ds.itemNames().get(item));
                    sep = " ";
                }
            }
            seqLines.add(line.toString());
        }
        Set<String> usedFiles = new HashSet<>(Set.of(MANIFEST, "items.csv", "sequences.csv"));
        List<DatasetManifest.TaskEntry> entries = new ArrayList<>();
        Task first = ds.tasks().get(0);
        entries.add(new DatasetManifest.TaskEntry(first.name(), first.kind().jsonName(), "sequences.csv", null, null));
        Files.write(dir.resolve("sequences.csv"), seqLines, StandardCharsets.UTF_8);

        for (Task task : ds.tasks().subList(1, ds.tasks().size())) {
            String file = uniqueFileName(task.name(), usedFiles);
            writeTask(ds, task, dir.resolve(file));
            task.classNames().forEach(c -> checkToken(c, "class of task " + task.name()));
            entries.add(new DatasetManifest.TaskEntry(task.name(), task.kind().jsonName(), file,
                    task.classNames(), task.noisy() ? Boolean.TRUE : null));
        }
        DatasetManifest manifest = new DatasetManifest(DatasetManifest.FORMAT, ds.name(), ds.sequenceLength(),
                "items.csv", entries);
        JSON.writeValue(dir.resolve(MANIFEST).toFile(), manifest);
    }

    /** One line per user in first-instance order, labels in instance order, so a read gives the same task. */
    private static void writeTask(Dataset ds, Task task, Path file) throws IOException {
        java.util.LinkedHashMap<Integer, StringBuilder> byUser = new java.util.LinkedHashMap<>();
        for (int i = 0; i < task.numInstances(); i++) {
            StringBuilder sb = byUser.computeIfAbsent(task.users()[i], u -> new StringBuilder());
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(task.classNames().get(task.labels()[i]));
        }
        List<String> lines = new ArrayList<>();
        lines.add(TASK_HEADER);
        byUser.forEach((u, labels) -> lines.add(ds.userIds().get(u) + "," + labels));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static String uniqueFileName(String taskName, Set<String> used) {
        String base = taskName.replaceAll("[^A-Za-z0-9._-]", "_");
        String file = base + ".csv";
        for (int i = 2; used.contains(file); i++) {
            file = base + "_" + i + ".csv";
        }
        used.add(file);
        return file;
    }

    /** Tokens are space-separated inside a comma-separated line, so neither may occur in one. */
    static String checkToken(String token, String what) {
        if (token.isEmpty() || token.chars().anyMatch(c -> c == ',' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException(what + " '" + token + "' is empty or contains a comma or whitespace");
        }
        return token;
    }

    private static String checkUser(String user) {
        if (user.isEmpty() || user.contains(",") || user.contains("\n") || user.contains("\r")) {
            throw new IllegalArgumentException("user id '" + user + "' is empty or contains a comma or line break");
        }
        return user;
    }

    private static void replace(Path tmp, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        // A directory cannot be atomically replaced by rename when it is non-empty: swap via a backup name.
        Path backup = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old");
        Files.delete(backup);
        Files.move(target, backup, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(backup, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteRecursively(backup);
    }

    static void deleteRecursively(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String[] splitTokens(String s) {
        String t = s.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    static int[] leftPad(int[] items, int length) {
        int[] out = new int[length];
        int n = Math.min(items.length, length);
        System.arraycopy(items, items.length - n, out, length - n, n);
        return out;
    }
}
