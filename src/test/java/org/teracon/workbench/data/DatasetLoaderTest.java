package org.teracon.workbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void dispatchesOnFolderContents() throws IOException {
        Path ours = tmp.resolve("ours");
        DatasetFolder.write(SyntheticDatasetGenerator.generate(SyntheticSpec.defaults().withSize(20, 40), 2), ours);
        assertEquals(5, DatasetLoader.load(ours).tasks().size());

        Path ttl = Files.createDirectories(tmp.resolve("ttl"));
        Files.writeString(ttl.resolve("a_task1.csv"), "0,1,2\n");
        Files.writeString(ttl.resolve("a_task2.csv"), "0,1,2,,x\n");
        assertEquals("task2", DatasetLoader.load(ttl).tasks().get(1).name());

        Path ml = Files.createDirectories(tmp.resolve("ml"));
        Files.writeString(ml.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,4,1\n1,2,4,2\n1,3,4,3\n"
                + "1,4,4,4\n1,5,4,5\n");
        assertEquals(1, DatasetLoader.load(ml).numUsers());
    }

    @Test
    void saysWhatWasExpected() {
        var e = assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(tmp));
        assertEquals(tmp, e.file());
        assertTrue(e.getMessage().contains("dataset.json") && e.getMessage().contains("task<N>")
                && e.getMessage().contains("u.data"), e.getMessage());
    }
}
