package org.teracon.workbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.SharedData;

class MovieLensImporterTest {

    @TempDir
    Path tmp;

    @Test
    void importsMl100kFromTheSharedCopy() {
        // MovieLens may not be redistributed, so it is not bundled: CI provides it in shared/
        Dataset ds = MovieLensImporter.importFrom(SharedData.require("datasets/ml-100k", "u.data"));
        // Expected numbers were computed independently with sort+awk over u.data and u.user
        // (order by user, timestamp, item; last 30 = T1; older ratings 4 and 5 = labels).
        assertEquals(943, ds.numUsers());
        assertEquals(30, ds.sequenceLength());
        assertEquals(1456, ds.vocabularySize() - 1);
        assertEquals(100_000, ds.report().count("ratings read"));
        assertEquals(0, ds.report().count("users skipped: fewer than 5 interactions"), "every user has >= 20 ratings");
        assertEquals(List.of("next_item", "rated_4", "rated_5", "gender", "age", "occupation"),
                ds.tasks().stream().map(Task::name).toList());
        Task r4 = ds.task("rated_4");
        Task r5 = ds.task("rated_5");
        assertEquals(TaskKind.ITEM, r4.kind());
        assertEquals(25_230, r4.numInstances());
        assertEquals(1_298, r4.numClasses());
        assertEquals(15_435, r5.numInstances());
        assertEquals(1_060, r5.numClasses());
        Task gender = ds.task("gender");
        assertEquals(List.of("F", "M"), gender.classNames());
        assertEquals(273, Arrays.stream(gender.labels()).filter(l -> l == 0).count());
        assertEquals(21, ds.task("occupation").numClasses());
        Task age = ds.task("age");
        assertEquals(Demographics.AGE_BRACKETS, age.classNames());
        assertEquals(36, Arrays.stream(age.labels()).filter(l -> l == 0).count(), "36 users under 18");
        assertEquals(52, Arrays.stream(age.labels()).filter(l -> l == 6).count(), "52 users 56+");

        // User 1's most recent items by (timestamp, item id): ... 5 256 74 102.
        assertEquals("1", ds.userIds().get(0));
        int[] seq = ds.sequences()[0];
        assertEquals(List.of("86", "87", "100"), names(ds, Arrays.copyOfRange(seq, 0, 3)));
        assertEquals(List.of("5", "256", "74", "102"), names(ds, Arrays.copyOfRange(seq, 26, 30)));
        assertNoLabelInOwnSequence(ds, r4);
        assertNoLabelInOwnSequence(ds, r5);
    }

    private static List<String> names(Dataset ds, int[] ids) {
        return Arrays.stream(ids).mapToObj(ds.itemNames()::get).toList();
    }

    static void assertNoLabelInOwnSequence(Dataset ds, Task itemTask) {
        for (int i = 0; i < itemTask.numInstances(); i++) {
            int u = itemTask.users()[i];
            String label = itemTask.classNames().get(itemTask.labels()[i]);
            Set<String> own = new HashSet<>(names(ds, ds.sequences()[u]));
            assertFalse(own.contains(label), "user " + ds.userIds().get(u) + " has label item " + label + " in T1");
        }
    }

    @Test
    void imports1mLayoutWithDemographicCodes() throws IOException {
        // user 1: 6 ratings, two at the same second (tie broken by item id); user 2: too few ratings.
        Files.writeString(tmp.resolve("ratings.dat"), String.join("\n",
                "1::50::5::100", "1::40::4::100", "1::30::3::90", "1::20::5::80", "1::10::4::70", "1::60::1::110",
                "2::10::5::1", "2::20::5::2", ""));
        Files.writeString(tmp.resolve("users.dat"), "1::F::1::10::48067\n2::M::56::16::70072\n");
        Dataset ds = MovieLensImporter.importFrom(tmp, new ImportOptions(4, 3));
        assertEquals(List.of("1"), ds.userIds());
        assertEquals(1, ds.report().count("users skipped: fewer than 3 interactions"));
        assertEquals(2, ds.report().count("ratings of skipped users"));
        assertEquals(1, ds.report().count("users.dat entries of users not in the dataset"));
        // time order: 10(70) 20(80) 30(90) 40(100) 50(100) 60(110); T1 = the last 4.
        assertEquals(List.of("30", "40", "50", "60"), names(ds, ds.sequences()[0]));
        Task r4 = ds.task("rated_4");
        assertEquals(List.of("10"), r4.classNames());
        assertEquals(List.of("20"), ds.task("rated_5").classNames());
        assertEquals(List.of("F"), ds.task("gender").classNames());
        assertEquals(List.of("under-18"), ds.task("age").classNames());
        assertEquals(List.of("K-12_student"), ds.task("occupation").classNames());
    }

    @Test
    void imports25mCsvLayoutWithHalfStarsAndNoDemographics() throws IOException {
        Files.writeString(tmp.resolve("ratings.csv"), String.join("\n", "userId,movieId,rating,timestamp",
                "7,1,4.0,1", "7,2,4.5,2", "7,3,3.5,3", "7,4,5.0,4", "7,5,2.0,5", "7,6,1.0,6", "7,7,0.5,7", ""));
        Dataset ds = MovieLensImporter.importFrom(tmp, new ImportOptions(3, 2));
        assertEquals(List.of("5", "6", "7"), names(ds, ds.sequences()[0]));
        assertEquals(List.of("1"), ds.task("rated_4").classNames());
        assertEquals(List.of("2", "4"), ds.task("rated_5").classNames());
        assertEquals(List.of("next_item", "rated_4", "rated_5"), ds.tasks().stream().map(Task::name).toList());
        assertTrue(ds.report().warnings().get(0).contains("no demographics"));
    }

    @Test
    void shortHistoriesArePaddedAndEmptyTasksReported() throws IOException {
        Files.writeString(tmp.resolve("u.data"), "1\t10\t5\t3\n1\t11\t4\t4\n");
        Dataset ds = MovieLensImporter.importFrom(tmp, new ImportOptions(5, 2));
        assertArrayEquals(new int[] {0, 0, 0, 1, 2}, ds.sequences()[0]);
        assertEquals(1, ds.tasks().size());
        assertEquals(2, ds.report().warnings().stream().filter(w -> w.contains("no instances")).count());
    }

    @Test
    void malformedLinesNameFileAndLine() throws IOException {
        Files.writeString(tmp.resolve("u.data"), "1\t10\t5\t3\n1\tx\t4\t4\n");
        var e = assertThrows(DatasetFormatException.class, () -> MovieLensImporter.importFrom(tmp));
        assertEquals(tmp.resolve("u.data"), e.file());
        assertEquals(2, e.line());
        Files.writeString(tmp.resolve("u.data"), "1\t10\t5\n");
        assertEquals(1, assertThrows(DatasetFormatException.class, () -> MovieLensImporter.importFrom(tmp)).line());
        Files.writeString(tmp.resolve("u.data"), "1\t10\t5\t3\n1\t11\t4\t4\n1\t12\t4\t4\n1\t13\t4\t4\n1\t14\t4\t4\n");
        Files.writeString(tmp.resolve("u.user"), "1|24|M|technician|85711\n1|x|M|writer|1\n");
        e = assertThrows(DatasetFormatException.class, () -> MovieLensImporter.importFrom(tmp));
        assertEquals(tmp.resolve("u.user"), e.file());
        assertEquals(2, e.line());
    }

    @Test
    void unknownLayout() {
        var e = assertThrows(DatasetFormatException.class, () -> MovieLensImporter.importFrom(tmp));
        assertTrue(e.getMessage().contains("u.data"), e.getMessage());
    }
}
