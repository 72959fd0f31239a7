package org.teracon.workbench.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opens any supported dataset folder by looking at what it contains. */
public final class DatasetLoader {

    private DatasetLoader() {
    }

    /** Our format first (it is explicit), then the TTL layout, then a MovieLens download with default options. */
    public static Dataset load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetFormatException(dir, 0, "a dataset folder");
        }
        if (Files.isRegularFile(dir.resolve(DatasetFolder.MANIFEST))) {
            return DatasetFolder.read(dir);
        }
        if (!TtlDatasetReader.taskFiles(dir).isEmpty()) {
            return TtlDatasetReader.read(dir);
        }
        if (MovieLensLayout.detect(dir).isPresent()) {
            return MovieLensImporter.importFrom(dir, ImportOptions.defaults());
        }
        throw new DatasetFormatException(dir, 0, "a dataset folder: dataset.json (workbench format), *task<N>*.csv "
                + "files (CONURE/TERACON layout), or a MovieLens download (u.data, ratings.dat or ratings.csv)");
    }
}
