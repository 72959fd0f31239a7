package org.teracon.workbench.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoublePredicate;
import java.util.function.Function;

/**
 * Turns a GroupLens MovieLens download (100K, 1M, 10M, 20M, 25M) into a {@link Dataset}.
 *
 * <p>Each user's ratings are ordered by timestamp, then item id (many ratings share a second). The
 * most recent {@code sequenceLength} form the T1 sequence; the older ones feed the rating tasks, so
 * no label item is also in the same user's T1 input and a label task cannot be solved by copying.
 */
public final class MovieLensImporter {

    private record Rating(int item, float rating, long timestamp) {
    }

    private static final Comparator<Rating> TIME_ORDER =
            Comparator.comparingLong(Rating::timestamp).thenComparingInt(Rating::item);

    private MovieLensImporter() {
    }

    public static Dataset importFrom(Path srcDir) {
        return importFrom(srcDir, ImportOptions.defaults());
    }

    public static Dataset importFrom(Path srcDir, ImportOptions opts) {
        MovieLensLayout layout = MovieLensLayout.detect(srcDir).orElseThrow(() -> new DatasetFormatException(srcDir, 0,
                "a MovieLens folder with u.data (100K), ratings.dat (1M/10M) or ratings.csv (20M/25M)"));
        ReportBuilder report = new ReportBuilder();
        TreeMap<Integer, List<Rating>> byUser = readRatings(srcDir.resolve(layout.ratingsFile), layout, report);

        List<String> userIds = new ArrayList<>();
        List<Rating[]> recent = new ArrayList<>();
        List<List<Rating>> older = new ArrayList<>();
        int skippedUsers = 0;
        int skippedRatings = 0;
        for (var e : byUser.entrySet()) {
            List<Rating> ratings = e.getValue();
            if (ratings.size() < opts.minSequence()) {
                skippedUsers++;
                skippedRatings += ratings.size();
                continue;
            }
            ratings.sort(TIME_ORDER);
            int cut = Math.max(0, ratings.size() - opts.sequenceLength());
            userIds.add(Integer.toString(e.getKey()));
            recent.add(ratings.subList(cut, ratings.size()).toArray(Rating[]::new));
            older.add(ratings.subList(0, cut));
        }
        if (skippedUsers > 0) {
            report.count("users skipped: fewer than " + opts.minSequence() + " interactions", skippedUsers);
            report.count("ratings of skipped users", skippedRatings);
        }
        if (userIds.isEmpty()) {
            throw new DatasetFormatException(srcDir.resolve(layout.ratingsFile), 0, "empty task: at least one user with "
                    + opts.minSequence() + " or more ratings");
        }

        Set<String> seen = new LinkedHashSet<>();
        recent.forEach(seq -> {
            for (Rating r : seq) {
                seen.add(Integer.toString(r.item()));
            }
        });
        List<String> itemNames = new ArrayList<>();
        itemNames.add(Dataset.PAD);
        itemNames.addAll(Vocabulary.sortedTokens(seen));
        Vocabulary items = new Vocabulary(itemNames);
        int[][] sequences = new int[recent.size()][];
        for (int u = 0; u < recent.size(); u++) {
            int[] seq = new int[recent.get(u).length];
            for (int j = 0; j < seq.length; j++) {
                seq[j] = items.indexOf(Integer.toString(recent.get(u)[j].item()));
            }
            sequences[u] = DatasetFolder.leftPad(seq, opts.sequenceLength());
        }

        List<Task> tasks = new ArrayList<>();
        tasks.add(new Task("next_item", TaskKind.NEXT_ITEM, itemNames,
                java.util.stream.IntStream.range(0, userIds.size()).toArray(), new int[0], false));
        // Half-star data (10M+): 4.0 counts as "4", 4.5 and 5.0 as "5", so the two tasks partition >= 4.
        addIfNonEmpty(tasks, ratingTask("rated_4", older, r -> r >= 4 && r < 4.5), report);
        addIfNonEmpty(tasks, ratingTask("rated_5", older, r -> r >= 4.5), report);

        if (layout.usersFile != null && Files.isRegularFile(srcDir.resolve(layout.usersFile))) {
            Map<Integer, Demographics> demo = Demographics.read(srcDir.resolve(layout.usersFile), layout);
            int missing = (int) userIds.stream().filter(id -> !demo.containsKey(Integer.parseInt(id))).count();
            if (missing > 0) {
                report.count("users without a " + layout.usersFile + " entry (no profile labels)", missing);
            }
            Set<String> kept = new java.util.HashSet<>(userIds);
            int unused = (int) demo.keySet().stream().filter(id -> !kept.contains(Integer.toString(id))).count();
            if (unused > 0) {
                report.count(layout.usersFile + " entries of users not in the dataset", unused);
            }
            addIfNonEmpty(tasks, profileTask("gender", userIds, demo, Demographics::gender, null), report);
            addIfNonEmpty(tasks, profileTask("age", userIds, demo, Demographics::age, Demographics.AGE_BRACKETS), report);
            addIfNonEmpty(tasks, profileTask("occupation", userIds, demo, Demographics::occupation, null), report);
        } else {
            report.warn("no demographics file (" + (layout.usersFile == null ? "none in this layout" : layout.usersFile
                    + " absent") + "): no gender, age or occupation tasks");
        }
        report.set("users", userIds.size()).set("items", itemNames.size() - 1);
        tasks.forEach(t -> report.set("instances: " + t.name(), t.numInstances()));
        return new Dataset(srcDir.toAbsolutePath().normalize().getFileName().toString(), itemNames, userIds, sequences,
                tasks, report.build());
    }

    private static TreeMap<Integer, List<Rating>> readRatings(Path file, MovieLensLayout layout, ReportBuilder report) {
        TreeMap<Integer, List<Rating>> byUser = new TreeMap<>();
        String sep = java.util.regex.Pattern.quote(layout.separator);
        int[] count = {0};
        // ISO-8859-1 never fails to decode; the numeric files are ASCII either way.
        Set<String> seenLines = new java.util.HashSet<>();
        int[] duplicates = {0};
        LineFiles.forEachLine(file, StandardCharsets.ISO_8859_1, (n, raw) -> {
            String line = n == 1 ? MovieLensText.stripBom(raw) : raw;
            if ((layout.header && n == 1) || line.isBlank()) {
                if (layout.header && n == 1 && !line.strip().startsWith("userId")) {
                    throw new DatasetFormatException(file, n, "the header " + layout.ratingsFormat());
                }
                return;
            }
            String[] f = line.split(sep, -1);
            if (f.length != 4) {
                throw new DatasetFormatException(file, n, layout.ratingsFormat());
            }
            try {
                int user = MovieLensText.id(file, n, "user", f[0]);
                int item = MovieLensText.id(file, n, "item", f[1]);
                float rating = Float.parseFloat(f[2].strip());
                long ts = Long.parseLong(f[3].strip());
                if (!(rating >= 0.5f && rating <= 5f)) {
                    throw new DatasetFormatException(file, n, "a rating between 0.5 and 5 (found " + f[2] + ")");
                }
                if (!seenLines.add(user + " " + item + " " + rating + " " + ts)) {
                    duplicates[0]++;
                    return;
                }
                byUser.computeIfAbsent(user, k -> new ArrayList<>()).add(new Rating(item, rating, ts));
                count[0]++;
            } catch (NumberFormatException e) {
                throw new DatasetFormatException(file, n, layout.ratingsFormat() + " with numeric fields");
            }
        });
        report.set("ratings read", count[0]);
        if (duplicates[0] > 0) {
            report.count("exact duplicate ratings (same user, item, rating, time) dropped", duplicates[0]);
            report.warn(duplicates[0] + " exact duplicate ratings in " + file.getFileName() + " were dropped");
        }
        if (!MovieLensText.endsWithLineBreak(file)) {
            report.warn(file.getFileName() + " does not end with a line break: its last line may be truncated (it was read as it is)");
        }
        return byUser;
    }

    private static Task ratingTask(String name, List<List<Rating>> older, DoublePredicate keep) {
        List<Integer> users = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int u = 0; u < older.size(); u++) {
            Set<Integer> distinct = new LinkedHashSet<>();
            for (Rating r : older.get(u)) {
                if (keep.test(r.rating())) {
                    distinct.add(r.item());
                }
            }
            for (int item : distinct) {
                users.add(u);
                labels.add(Integer.toString(item));
            }
        }
        return labelTask(name, TaskKind.ITEM, users, labels, Vocabulary.sortedTokens(labels));
    }

    private static Task profileTask(String name, List<String> userIds, Map<Integer, Demographics> demo,
                                    Function<Demographics, String> field, List<String> order) {
        List<Integer> users = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int u = 0; u < userIds.size(); u++) {
            Demographics d = demo.get(Integer.parseInt(userIds.get(u)));
            if (d != null) {
                users.add(u);
                labels.add(field.apply(d));
            }
        }
        List<String> classes = order == null ? Vocabulary.sortedTokens(labels)
                : order.stream().filter(new java.util.HashSet<>(labels)::contains).toList();
        return labelTask(name, TaskKind.CLASSIFICATION, users, labels, classes);
    }

    private static Task labelTask(String name, TaskKind kind, List<Integer> users, List<String> labels,
                                  List<String> classNames) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            index.put(classNames.get(i), i);
        }
        return new Task(name, kind, classNames, users.stream().mapToInt(Integer::intValue).toArray(),
                labels.stream().mapToInt(index::get).toArray(), false);
    }

    /** An empty task cannot be split or trained, so it is left out, but said so in the report. */
    private static void addIfNonEmpty(List<Task> tasks, Task task, ReportBuilder report) {
        if (task.numInstances() == 0) {
            report.warn("task " + task.name() + " left out: no instances");
        } else {
            tasks.add(task);
        }
    }
}
