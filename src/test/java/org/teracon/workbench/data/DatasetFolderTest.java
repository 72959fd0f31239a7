package org.teracon.workbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFolderTest {

    @TempDir
    Path tmp;

    static final String MANIFEST = """
            {"format":"teracon-workbench/1","name":"tiny","sequenceLength":3,
             "tasks":[{"name":"next_item","kind":"next-item","file":"sequences.csv"},
                      {"name":"gender","kind":"classification","file":"gender.csv","classes":["F","M"]},
                      {"name":"clicks","kind":"item","file":"clicks.csv"}]}
            """;

    Path folder(String manifest, String sequences, String gender, String clicks) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("ds"));
        Files.writeString(dir.resolve("dataset.json"), manifest);
        Files.writeString(dir.resolve("sequences.csv"), sequences);
        Files.writeString(dir.resolve("gender.csv"), gender);
        Files.writeString(dir.resolve("clicks.csv"), clicks);
        return dir;
    }

    Path valid() throws IOException {
        return folder(MANIFEST, "user,items\nalice,a b c d\nbob,c\n", "user,labels\nalice,F\nbob,M\n",
                "user,labels\nbob,x y\nalice,y\n");
    }

    @Test
    void readsTruncatesAndPads() throws IOException {
        Dataset ds = DatasetFolder.read(valid());
        assertEquals("tiny", ds.name());
        assertEquals(List.of("<pad>", "a", "b", "c", "d"), ds.itemNames());
        assertEquals(List.of("alice", "bob"), ds.userIds());
        assertArrayEquals(new int[] {2, 3, 4}, ds.sequences()[0], "most recent 3 kept");
        assertArrayEquals(new int[] {0, 0, 3}, ds.sequences()[1], "left-padded");
        assertEquals(1, ds.report().count("sequences truncated to the most recent 3 items"));
        Task gender = ds.task("gender");
        assertEquals(TaskKind.CLASSIFICATION, gender.kind());
        assertEquals(List.of("F", "M"), gender.classNames());
        assertArrayEquals(new int[] {0, 1}, gender.users());
        assertArrayEquals(new int[] {0, 1}, gender.labels());
        Task clicks = ds.task("clicks");
        assertEquals(TaskKind.ITEM, clicks.kind());
        assertArrayEquals(new int[] {1, 1, 0}, clicks.users(), "a user with q labels is q instances");
        assertEquals(List.of("x", "y"), clicks.classNames());
        assertArrayEquals(new int[] {0, 1, 1}, clicks.labels());
        assertEquals(TaskKind.NEXT_ITEM, ds.tasks().get(0).kind());
        assertEquals(2, ds.tasks().get(0).numInstances());
    }

    @Test
    void writeThenReadRoundTrips() throws IOException {
        Dataset ds = DatasetFolder.read(valid());
        Path out = tmp.resolve("out/copy");
        DatasetFolder.write(ds, out);
        DatasetFolder.write(ds, out); // replaces an existing folder
        Dataset back = DatasetFolder.read(out);
        assertSameData(ds, back);
        try (var list = Files.list(out.getParent())) {
            assertEquals(List.of(out), list.toList(), "no temporary folders left behind");
        }
    }

    static void assertSameData(Dataset a, Dataset b) {
        assertEquals(a.name(), b.name());
        assertEquals(a.itemNames(), b.itemNames());
        assertEquals(a.userIds(), b.userIds());
        assertTrue(java.util.Arrays.deepEquals(a.sequences(), b.sequences()));
        assertEquals(a.tasks().size(), b.tasks().size());
        for (int i = 0; i < a.tasks().size(); i++) {
            Task x = a.tasks().get(i);
            Task y = b.tasks().get(i);
            assertEquals(x.name(), y.name());
            assertEquals(x.kind(), y.kind());
            assertEquals(x.classNames(), y.classNames());
            assertEquals(x.noisy(), y.noisy());
            assertArrayEquals(x.users(), y.users(), x.name());
            assertArrayEquals(x.labels(), y.labels(), x.name());
        }
    }

    @Test
    void writeRejectsTokensThatWouldBreakTheFormat() {
        Task t1 = new Task("next_item", TaskKind.NEXT_ITEM, List.of("<pad>", "a b"), new int[] {0}, new int[0], false);
        Dataset ds = new Dataset("x", List.of("<pad>", "a b"), List.of("u"), new int[][] {{1}}, List.of(t1),
                LoadReport.empty());
        assertThrows(IllegalArgumentException.class, () -> DatasetFolder.write(ds, tmp.resolve("bad")));
        assertFalse(Files.exists(tmp.resolve("bad")));
    }

    private DatasetFormatException expectError(Path dir) {
        return assertThrows(DatasetFormatException.class, () -> DatasetFolder.read(dir));
    }

    @Test
    void labelOutOfRange() throws IOException {
        Path dir = folder(MANIFEST, "user,items\nalice,a\nbob,b\n", "user,labels\nalice,F\nbob,X\n",
                "user,labels\nbob,x\n");
        var e = expectError(dir);
        assertEquals(dir.resolve("gender.csv"), e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("label out of range"), e.getMessage());
    }

    @Test
    void userAbsentFromT1() throws IOException {
        Path dir = folder(MANIFEST, "user,items\nalice,a\n", "user,labels\nalice,F\n", "user,labels\ncarol,x\n");
        var e = expectError(dir);
        assertEquals(dir.resolve("clicks.csv"), e.file());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("user absent from T1"), e.getMessage());
    }

    @Test
    void emptyTask() throws IOException {
        Path dir = folder(MANIFEST, "user,items\nalice,a\n", "user,labels\n", "user,labels\nalice,x\n");
        var e = expectError(dir);
        assertEquals(dir.resolve("gender.csv"), e.file());
        assertTrue(e.getMessage().contains("empty task"), e.getMessage());
    }

    @Test
    void malformedLine() throws IOException {
        Path dir = folder(MANIFEST, "user,items\nalice,a\nbob\n", "user,labels\nalice,F\n", "user,labels\nalice,x\n");
        var e = expectError(dir);
        assertEquals(dir.resolve("sequences.csv"), e.file());
        assertEquals(3, e.line());
    }

    @Test
    void missingLabels() throws IOException {
        Path dir = folder(MANIFEST, "user,items\nalice,a\n", "user,labels\nalice,\n", "user,labels\nalice,x\n");
        var e = expectError(dir);
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("at least one label"), e.getMessage());
    }

    @Test
    void wrongHeader() throws IOException {
        Path dir = folder(MANIFEST, "uid,items\nalice,a\n", "user,labels\nalice,F\n", "user,labels\nalice,x\n");
        var e = expectError(dir);
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("user,items"), e.getMessage());
    }

    @Test
    void unknownItemWhenVocabularyIsFixed() throws IOException {
        Path dir = folder(MANIFEST.replace("\"sequenceLength\":3,", "\"sequenceLength\":3,\"items\":\"items.csv\","),
                "user,items\nalice,a\nbob,a zz\n", "user,labels\nalice,F\n", "user,labels\nalice,x\n");
        Files.writeString(dir.resolve("items.csv"), "item\na\nb\n");
        var e = expectError(dir);
        assertEquals(dir.resolve("sequences.csv"), e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("unknown item 'zz'"), e.getMessage());
    }

    @Test
    void badManifest() throws IOException {
        Path dir = folder(MANIFEST.replace("teracon-workbench/1", "other/2"), "user,items\nalice,a\n",
                "user,labels\nalice,F\n", "user,labels\nalice,x\n");
        assertTrue(expectError(dir).getMessage().contains("teracon-workbench/1"));
        Files.writeString(dir.resolve("dataset.json"), MANIFEST.replace("\"classes\"", "\"clases\""));
        var e = expectError(dir);
        assertEquals(dir.resolve("dataset.json"), e.file());
        assertTrue(e.line() > 0, "JSON errors carry the line");
        Files.writeString(dir.resolve("dataset.json"), MANIFEST.replace("\"next-item\"", "\"item\""));
        assertTrue(expectError(dir).getMessage().contains("next-item"));
    }

    @Test
    void missingManifest() {
        var e = expectError(tmp);
        assertEquals(tmp.resolve("dataset.json"), e.file());
    }
}
