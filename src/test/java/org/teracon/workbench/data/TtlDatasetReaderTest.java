package org.teracon.workbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.SharedData;

class TtlDatasetReaderTest {

    @TempDir
    Path tmp;

    Path write(String task1, String task2) throws IOException {
        Files.writeString(tmp.resolve("toy_task1.csv"), task1);
        if (task2 != null) {
            Files.writeString(tmp.resolve("toy_task2.csv"), task2);
        }
        return tmp;
    }

    @Test
    void readsThePublicExampleFiles() {
        Path example = SharedData.require("datasets/teracon-format-example", "example_task1.csv");
        Dataset ds = TtlDatasetReader.read(example);
        // Counted independently: 20 lines of 100 ids; task 2 has 44 distinct labels (> 20, so ITEM).
        assertEquals(20, ds.numUsers());
        assertEquals(100, ds.sequenceLength());
        assertEquals(2, ds.tasks().size());
        Task t2 = ds.tasks().get(1);
        assertEquals(TaskKind.ITEM, t2.kind());
        assertEquals(44, t2.numClasses());
        assertEquals(20, t2.numUsers());
        // First line: ids 1..49 without 13, 25 and 28 after 54 zeros; line 1 of task 2 has labels 1,2.
        assertEquals(0, ds.sequences()[0][53]);
        assertEquals("1", ds.itemNames().get(ds.sequences()[0][54]));
        assertEquals("49", ds.itemNames().get(ds.sequences()[0][99]));
        assertEquals(0, t2.users()[0]);
        assertEquals("1", t2.classNames().get(t2.labels()[0]));
        assertEquals("2", t2.classNames().get(t2.labels()[1]));
        assertEquals(0, ds.report().warnings().size());
        var overridden = TtlDatasetReader.read(example, TtlOptions.defaults().withKind(2, TaskKind.CLASSIFICATION));
        assertEquals(TaskKind.CLASSIFICATION, overridden.tasks().get(1).kind());
    }

    @Test
    void remapsItemsAndJoinsUsersBySequence() throws IOException {
        Path dir = write("0,0,10,30\n0,20,10,30\n0,0,10,30\n", "0,20,10,30,,7,9\n0,0,10,30,,9\n");
        Dataset ds = TtlDatasetReader.read(dir);
        assertEquals(List.of("<pad>", "10", "20", "30"), ds.itemNames());
        assertArrayEquals(new int[] {0, 0, 1, 3}, ds.sequences()[0]);
        assertArrayEquals(new int[] {0, 2, 1, 3}, ds.sequences()[1]);
        assertEquals(3, ds.numUsers(), "the duplicate user stays a T1 user");
        Task t2 = ds.tasks().get(1);
        assertEquals(TaskKind.CLASSIFICATION, t2.kind());
        assertEquals(List.of("7", "9"), t2.classNames());
        assertArrayEquals(new int[] {1, 1, 0}, t2.users(), "duplicate sequences map to the first user");
        assertArrayEquals(new int[] {0, 1, 1}, t2.labels());
        assertEquals(List.of(1), ds.report().counts().entrySet().stream()
                .filter(en -> en.getKey().contains("repeats")).map(java.util.Map.Entry::getValue).toList());
    }

    @Test
    void itemKindAboveTwentyLabels() throws IOException {
        StringBuilder labels = new StringBuilder();
        for (int i = 1; i <= 21; i++) {
            labels.append(i == 1 ? "" : ",").append(i);
        }
        Dataset ds = TtlDatasetReader.read(write("0,1\n", "0,1,," + labels + "\n"));
        assertEquals(TaskKind.ITEM, ds.tasks().get(1).kind());
        assertEquals(21, ds.tasks().get(1).numInstances());
    }

    private DatasetFormatException error(Path dir, String file, int line) {
        var e = assertThrows(DatasetFormatException.class, () -> TtlDatasetReader.read(dir));
        assertEquals(dir.resolve(file), e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        return e;
    }

    @Test
    void nonNumericItemId() throws IOException {
        var e = error(write("0,1,2\n0,x,2\n", null), "toy_task1.csv", 2);
        assertTrue(e.getMessage().contains("non-numeric item id"), e.getMessage());
    }

    @Test
    void inconsistentSequenceLength() throws IOException {
        var e = error(write("0,1,2\n1,2\n", null), "toy_task1.csv", 2);
        assertTrue(e.getMessage().contains("inconsistent sequence length"), e.getMessage());
        e = error(write("0,1,2\n", "1,2,,5\n"), "toy_task2.csv", 1);
        assertTrue(e.getMessage().contains("inconsistent sequence length"), e.getMessage());
    }

    @Test
    void userAbsentFromT1IsAnErrorUnlessLenient() throws IOException {
        Path dir = write("0,1,2\n", "0,1,2,,5\n0,2,1,,6\n");
        var e = error(dir, "toy_task2.csv", 2);
        assertTrue(e.getMessage().contains("user absent from T1"), e.getMessage());
        Dataset ds = TtlDatasetReader.read(dir, TtlOptions.defaults().withLenient(true));
        assertEquals(1, ds.tasks().get(1).numInstances());
        assertEquals(1, ds.report().count("toy_task2.csv: lines skipped, user absent from T1"));
    }

    @Test
    void malformedLine() throws IOException {
        var e = error(write("0,1,2\n", "0,1,2,5\n"), "toy_task2.csv", 1);
        assertTrue(e.getMessage().contains(",,"), e.getMessage());
        error(write("0,1,2\n", "0,1,2,,5,\n"), "toy_task2.csv", 1);
    }

    @Test
    void emptyTask() throws IOException {
        var e = error(write("0,1,2\n", "\n"), "toy_task2.csv", 0);
        assertTrue(e.getMessage().contains("empty task"), e.getMessage());
        e = error(write("", null), "toy_task1.csv", 0);
        assertTrue(e.getMessage().contains("empty task"), e.getMessage());
    }

    @Test
    void filesAreOrderedByTaskNumber() throws IOException {
        Files.writeString(tmp.resolve("x_task10.csv"), "0,1,,a\n");
        Files.writeString(tmp.resolve("x_task2.csv"), "0,1,,b\n");
        Files.writeString(tmp.resolve("x_task1.csv"), "0,1\n");
        Dataset ds = TtlDatasetReader.read(tmp);
        assertEquals(List.of("task1", "task2", "task10"), ds.tasks().stream().map(Task::name).toList());
    }
}
