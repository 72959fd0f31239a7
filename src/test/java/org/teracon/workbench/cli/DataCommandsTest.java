package org.teracon.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.SharedData;
import org.teracon.workbench.data.DatasetFolder;
import picocli.CommandLine;

class DataCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void generateSyntheticWritesALoadableFolder() {
        Path out = tmp.resolve("syn");
        int rc = new CommandLine(new GenerateSyntheticCommand())
                .execute("--out", out.toString(), "--seed", "3", "--users", "50", "--items", "40");
        assertEquals(0, rc);
        assertEquals(50, DatasetFolder.read(out).numUsers());
    }

    @Test
    void importMovieLensWritesOurFormat() {
        Path ml100k = SharedData.require("datasets/ml-100k", "u.data");
        Path out = tmp.resolve("ml");
        int rc = new CommandLine(new ImportMovieLensCommand())
                .execute(ml100k.toString(), "--out", out.toString(), "--sequence-length", "20");
        assertEquals(0, rc);
        var ds = DatasetFolder.read(out);
        assertEquals(943, ds.numUsers());
        assertEquals(20, ds.sequenceLength());
        assertEquals(6, ds.tasks().size());
    }
}
