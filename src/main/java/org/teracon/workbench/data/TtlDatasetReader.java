package org.teracon.workbench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the CONURE/TERACON public "TTL" layout: {@code *task1*.csv} holds one comma-separated,
 * 0-left-padded item-id sequence per user; {@code *task<N>*.csv} (N > 1) repeats a user's task-1
 * sequence, then {@code ,,}, then comma-separated labels. The files carry no user ids, so users are
 * joined across tasks by their task-1 sequence.
 */
public final class TtlDatasetReader {

    private static final Pattern TASK_FILE = Pattern.compile(".*task(\\d+).*\\.csv", Pattern.CASE_INSENSITIVE);

    private TtlDatasetReader() {
    }

    public static Dataset read(Path dir) {
        return read(dir, TtlOptions.defaults());
    }

    public static Dataset read(Path dir, TtlOptions options) {
        TreeMap<Integer, Path> files = taskFiles(dir);
        if (!files.containsKey(1)) {
            throw new DatasetFormatException(dir, 0, "a *task1*.csv file (found task files " + files.values() + ")");
        }
        ReportBuilder report = new ReportBuilder();
        TaskOne t1 = readTaskOne(files.get(1), report);
        List<Task> tasks = new ArrayList<>();
        int[] allUsers = java.util.stream.IntStream.range(0, t1.sequences.length).toArray();
        tasks.add(new Task("task1", TaskKind.NEXT_ITEM, t1.itemNames, allUsers, new int[0], false));
        for (var e : files.tailMap(2).entrySet()) {
            tasks.add(readLabelTask(e.getKey(), e.getValue(), t1, options, report));
        }
        List<String> userIds = java.util.stream.IntStream.range(0, t1.sequences.length)
                .mapToObj(i -> "u" + (i + 1)).toList();
        report.set("users", userIds.size()).set("items", t1.itemNames.size() - 1);
        return new Dataset(dir.toAbsolutePath().normalize().getFileName().toString(), t1.itemNames, userIds,
                t1.sequences, tasks, report.build());
    }

    /** The task files of a folder by task number; empty when there are none. */
    static TreeMap<Integer, Path> taskFiles(Path dir) {
        TreeMap<Integer, Path> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (var list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                Matcher m = TASK_FILE.matcher(p.getFileName().toString());
                if (m.matches() && !Files.isRegularFile(p)) {
                    throw new DatasetFormatException(p, 0, "a task file, not a folder or other non-file, under a task file's name");
                }
                if (Files.isRegularFile(p) && m.matches()) {
                    Path previous = files.put(Integer.parseInt(m.group(1)), p);
                    if (previous != null) {
                        throw new DatasetFormatException(p, 0, "one file per task number (also " + previous + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return files;
    }

    /** Task 1 with items remapped to dense ids and the sequence-to-user index used to join later tasks. */
    private record TaskOne(Path file, List<String> itemNames, int[][] sequences, Map<String, Integer> userBySequence,
                           int length) {
    }

    private static TaskOne readTaskOne(Path file, ReportBuilder report) {
        List<long[]> raw = new ArrayList<>();
        LineFiles.forEachLine(file, StandardCharsets.UTF_8, (n, line) -> {
            if (line.isBlank()) {
                return;
            }
            long[] seq = parseIds(file, n, line);
            if (java.util.Arrays.stream(seq).allMatch(id -> id == 0)) {
                throw new DatasetFormatException(file, n, "a sequence with at least one item id (this line is all padding 0)");
            }
            if (!raw.isEmpty() && seq.length != raw.get(0).length) {
                throw new DatasetFormatException(file, n, "inconsistent sequence length: " + raw.get(0).length
                        + " comma-separated item ids as on the first line (found " + seq.length + ")");
            }
            raw.add(seq);
        });
        if (raw.isEmpty()) {
            throw new DatasetFormatException(file, 0, "empty task: at least one line of item ids");
        }
        // Dense ids follow the original ids' order so that remapping is reproducible from the file alone.
        Set<String> distinct = new LinkedHashSet<>();
        raw.forEach(seq -> {
            for (long id : seq) {
                if (id != 0) {
                    distinct.add(Long.toString(id));
                }
            }
        });
        List<String> itemNames = new ArrayList<>();
        itemNames.add(Dataset.PAD);
        itemNames.addAll(Vocabulary.sortedTokens(distinct));
        Map<Long, Integer> dense = new HashMap<>();
        for (int i = 1; i < itemNames.size(); i++) {
            dense.put(Long.parseLong(itemNames.get(i)), i);
        }
        int[][] sequences = new int[raw.size()][];
        Map<String, Integer> userBySequence = new HashMap<>();
        int duplicates = 0;
        for (int u = 0; u < raw.size(); u++) {
            long[] seq = raw.get(u);
            sequences[u] = new int[seq.length];
            for (int j = 0; j < seq.length; j++) {
                sequences[u][j] = seq[j] == 0 ? 0 : dense.get(seq[j]);
            }
            if (userBySequence.putIfAbsent(java.util.Arrays.toString(seq), u) != null) {
                duplicates++;
            }
        }
        if (duplicates > 0) {
            report.warn(file.getFileName() + ": " + duplicates + " users repeat an earlier user's T1 sequence; "
                    + "later tasks' lines for them join the first such user");
            report.count(file.getFileName() + ": users whose T1 sequence repeats an earlier user's "
                    + "(later tasks' lines map to the first)", duplicates);
        }
        return new TaskOne(file, itemNames, sequences, userBySequence, raw.get(0).length);
    }

    private static Task readLabelTask(int number, Path file, TaskOne t1, TtlOptions options, ReportBuilder report) {
        List<Integer> users = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int[] absent = {0};
        LineFiles.forEachLine(file, StandardCharsets.UTF_8, (n, line) -> {
            if (line.isBlank()) {
                return;
            }
            int sep = line.indexOf(",,");
            if (sep < 0) {
                throw new DatasetFormatException(file, n, "'<padded task-1 sequence>,,<label>[,<label>...]' "
                        + "(no ',,' separator)");
            }
            long[] seq = parseIds(file, n, line.substring(0, sep));
            if (seq.length != t1.length) {
                throw new DatasetFormatException(file, n, "inconsistent sequence length: " + t1.length
                        + " item ids before ',,' as in " + t1.file.getFileName() + " (found " + seq.length + ")");
            }
            Integer user = t1.userBySequence.get(java.util.Arrays.toString(seq));
            if (user == null) {
                if (options.lenient()) {
                    absent[0]++;
                    return;
                }
                throw new DatasetFormatException(file, n, "user absent from T1: this sequence matches no line of "
                        + t1.file.getFileName());
            }
            String[] tokens = line.substring(sep + 2).split(",", -1);
            for (String token : tokens) {
                String label = token.strip();
                if (label.isEmpty()) {
                    throw new DatasetFormatException(file, n, "non-empty comma-separated labels after ',,'");
                }
                users.add(user);
                labels.add(label);
            }
        });
        if (absent[0] > 0) {
            report.count(file.getFileName() + ": lines skipped, user absent from T1", absent[0]);
        }
        if (users.isEmpty()) {
            throw new DatasetFormatException(file, 0, "empty task: at least one '<sequence>,,<labels>' line");
        }
        List<String> classNames = Vocabulary.sortedTokens(labels);
        Vocabulary classes = new Vocabulary(classNames);
        int[] dense = labels.stream().mapToInt(classes::indexOf).toArray();
        TaskKind kind = options.kindFor(number, classNames.size());
        return new Task("task" + number, kind, classNames, users.stream().mapToInt(Integer::intValue).toArray(),
                dense, false);
    }

    private static long[] parseIds(Path file, int line, String text) {
        String[] parts = text.split(",", -1);
        long[] ids = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            try {
                ids[i] = Long.parseLong(p);
            } catch (NumberFormatException e) {
                throw new DatasetFormatException(file, line, "non-numeric item id: comma-separated integer item ids"
                        + " (field " + (i + 1) + " is '" + p + "')");
            }
            if (ids[i] < 0) {
                throw new DatasetFormatException(file, line, "item ids >= 0 (field " + (i + 1) + " is " + p + ")");
            }
        }
        return ids;
    }
}
