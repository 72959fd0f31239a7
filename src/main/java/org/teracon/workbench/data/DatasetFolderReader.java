package org.teracon.workbench.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads one folder of our format once its manifest is parsed; validates everything it reads. */
final class DatasetFolderReader {
    /** Longer sequences would not fit any machine's memory for a useful number of users; refused before allocating. */
    static final int MAX_SEQUENCE_LENGTH = 100_000;
    private final Path dir;
    private final Path manifestFile;
    private final DatasetManifest manifest;
    private final ReportBuilder report = new ReportBuilder();
    private Vocabulary items;
    private boolean itemsFixed;
    private final Vocabulary users = new Vocabulary();

    DatasetFolderReader(Path dir, DatasetManifest manifest) {
        this.dir = dir;
        this.manifestFile = dir.resolve(DatasetFolder.MANIFEST);
        this.manifest = manifest;
    }

    Dataset read() {
        validateManifest();
        readItems();
        List<DatasetManifest.TaskEntry> entries = manifest.tasks();
        DatasetManifest.TaskEntry first = entries.get(0);
        int[][] sequences = readSequences(file(first));
        List<Task> tasks = new ArrayList<>();
        int[] allUsers = java.util.stream.IntStream.range(0, users.size()).toArray();
        tasks.add(new Task(first.name(), TaskKind.NEXT_ITEM, items.tokens(), allUsers, new int[0], false));
        for (DatasetManifest.TaskEntry entry : entries.subList(1, entries.size())) {
            tasks.add(readTask(entry));
        }
        report.set("users", users.size()).set("items", items.size() - 1);
        return new Dataset(manifest.name(), items.tokens(), users.tokens(), sequences, tasks, report.build());
    }

    private void validateManifest() {
        if (!DatasetManifest.FORMAT.equals(manifest.format())) {
            fail("\"format\": \"" + DatasetManifest.FORMAT + "\" (found " + manifest.format() + ")");
        }
        if (manifest.name() == null || manifest.name().isBlank()) {
            fail("a non-empty \"name\"");
        }
        if (manifest.sequenceLength() <= 0 || manifest.sequenceLength() > MAX_SEQUENCE_LENGTH) {
            fail("a \"sequenceLength\" between 1 and " + MAX_SEQUENCE_LENGTH + " (found " + manifest.sequenceLength() + ")");
        }
        List<DatasetManifest.TaskEntry> tasks = manifest.tasks();
        if (tasks == null || tasks.isEmpty()) {
            fail("a non-empty \"tasks\" list whose first task has kind next-item");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tasks.size(); i++) {
            DatasetManifest.TaskEntry t = tasks.get(i);
            if (t.name() == null || t.file() == null || t.kind() == null) {
                fail("task " + (i + 1) + " to have \"name\", \"kind\" and \"file\"");
            }
            if (!names.add(t.name())) {
                fail("unique task names (\"" + t.name() + "\" repeats)");
            }
            TaskKind kind;
            try {
                kind = TaskKind.fromJson(t.kind());
            } catch (IllegalArgumentException e) {
                throw new DatasetFormatException(manifestFile, 0, "task " + t.name() + ": " + e.getMessage());
            }
            if ((i == 0) != (kind == TaskKind.NEXT_ITEM)) {
                fail("exactly one next-item task, listed first (task \"" + t.name() + "\" is " + t.kind() + ")");
            }
            if (i == 0 && t.classes() != null) {
                fail("no \"classes\" on the next-item task: its classes are the items");
            }
        }
    }

    private Path file(DatasetManifest.TaskEntry entry) {
        return resolve(entry.file(), "task " + entry.name());
    }

    private Path resolve(String name, String what) {
        Path p = dir.resolve(name).normalize();
        if (!p.startsWith(dir.normalize())) {
            fail(what + " file inside the dataset folder (found " + name + ")");
        }
        if (!Files.isRegularFile(p)) {
            fail(what + " file " + name + " to exist");
        }
        return p;
    }

    private void readItems() {
        items = new Vocabulary(List.of(Dataset.PAD));
        if (manifest.items() == null) {
            return;
        }
        itemsFixed = true;
        Path file = resolve(manifest.items(), "items");
        LineFiles.forEachLine(file, StandardCharsets.UTF_8, (n, line) -> {
            if (n == 1) {
                expectHeader(file, line, DatasetFolder.ITEMS_HEADER);
                return;
            }
            String token = line.strip();
            if (token.isEmpty()) {
                return;
            }
            if (DatasetFolder.splitTokens(token).length != 1 || token.contains(",")) {
                throw new DatasetFormatException(file, n, "one item token per line");
            }
            if (token.equals(Dataset.PAD) || items.indexOf(token) >= 0) {
                throw new DatasetFormatException(file, n, "a unique item token other than " + Dataset.PAD
                        + " (found " + token + ")");
            }
            items.add(token);
        });
    }

    private int[][] readSequences(Path file) {
        int length = manifest.sequenceLength();
        List<int[]> sequences = new ArrayList<>();
        int[] truncated = {0};
        LineFiles.forEachLine(file, StandardCharsets.UTF_8, (n, line) -> {
            if (n == 1) {
                expectHeader(file, line, DatasetFolder.SEQUENCES_HEADER);
                return;
            }
            if (line.isBlank()) {
                return;
            }
            int comma = line.indexOf(',');
            String user = comma < 0 ? "" : line.substring(0, comma).strip();
            if (comma < 0 || user.isEmpty()) {
                throw new DatasetFormatException(file, n, "'user,items' with a non-empty user id");
            }
            if (users.indexOf(user) >= 0) {
                throw new DatasetFormatException(file, n, "each user once (user " + user + " repeats)");
            }
            String[] tokens = DatasetFolder.splitTokens(line.substring(comma + 1));
            if (tokens.length == 0) {
                throw new DatasetFormatException(file, n, "at least one item for user " + user);
            }
            int[] seq = new int[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                seq[i] = itemIndex(file, n, tokens[i]);
            }
            if (seq.length > length) {
                truncated[0]++;
            }
            users.add(user);
            sequences.add(DatasetFolder.leftPad(seq, length));
        });
        if (sequences.isEmpty()) {
            throw new DatasetFormatException(file, 0, "empty task: at least one user line after the header");
        }
        if (truncated[0] > 0) {
            report.count("sequences truncated to the most recent " + length + " items", truncated[0]);
        }
        return sequences.toArray(int[][]::new);
    }

    private int itemIndex(Path file, int line, String token) {
        if (token.contains(",") || token.equals(Dataset.PAD)) {
            throw new DatasetFormatException(file, line, "space-separated item tokens without commas or "
                    + Dataset.PAD + " (found " + token + ")");
        }
        if (!itemsFixed) {
            return items.add(token);
        }
        int i = items.indexOf(token);
        if (i < 0) {
            throw new DatasetFormatException(file, line, "unknown item '" + token + "': not listed in "
                    + manifest.items());
        }
        return i;
    }

    private Task readTask(DatasetManifest.TaskEntry entry) {
        Path file = file(entry);
        TaskKind kind = TaskKind.fromJson(entry.kind());
        boolean fixed = entry.classes() != null;
        Vocabulary classes = fixed ? new Vocabulary(entry.classes()) : new Vocabulary();
        if (fixed && classes.size() != entry.classes().size()) {
            fail("distinct classes for task " + entry.name());
        }
        List<Integer> instUsers = new ArrayList<>();
        List<Integer> instLabels = new ArrayList<>();
        LineFiles.forEachLine(file, StandardCharsets.UTF_8, (n, line) -> {
            if (n == 1) {
                expectHeader(file, line, DatasetFolder.TASK_HEADER);
                return;
            }
            if (line.isBlank()) {
                return;
            }
            int comma = line.indexOf(',');
            String[] labels = comma < 0 ? new String[0] : DatasetFolder.splitTokens(line.substring(comma + 1));
            if (comma < 0 || labels.length == 0) {
                throw new DatasetFormatException(file, n, "'user,labels' with at least one label");
            }
            String user = line.substring(0, comma).strip();
            int u = users.indexOf(user);
            if (u < 0) {
                throw new DatasetFormatException(file, n, "user absent from T1: " + user
                        + " has no line in the next-item task's file");
            }
            for (String label : labels) {
                if (label.contains(",")) {
                    throw new DatasetFormatException(file, n, "space-separated labels without commas (found "
                            + label + ")");
                }
                int c = fixed ? classes.indexOf(label) : classes.add(label);
                if (c < 0) {
                    throw new DatasetFormatException(file, n, "label out of range: '" + label
                            + "' is not one of the task's classes " + abbreviate(entry.classes()));
                }
                instUsers.add(u);
                instLabels.add(c);
            }
        });
        if (instUsers.isEmpty()) {
            throw new DatasetFormatException(file, 0, "empty task: at least one 'user,labels' line after the header");
        }
        return new Task(entry.name(), kind, classes.tokens(),
                instUsers.stream().mapToInt(Integer::intValue).toArray(),
                instLabels.stream().mapToInt(Integer::intValue).toArray(),
                Boolean.TRUE.equals(entry.noisy()));
    }

    private static String abbreviate(List<String> list) {
        return list.size() <= 10 ? list.toString() : list.subList(0, 10) + " ... (" + list.size() + " in all)";
    }

    private static void expectHeader(Path file, String line, String header) {
        if (!line.strip().equals(header)) {
            throw new DatasetFormatException(file, 1, "the header '" + header + "' (found '" + line + "')");
        }
    }

    private void fail(String expectation) {
        throw new DatasetFormatException(manifestFile, 0, expectation);
    }
}
