package org.teracon.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetFolder;
import org.teracon.workbench.data.ImportOptions;
import org.teracon.workbench.data.MovieLensImporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Converts a GroupLens MovieLens download into the workbench folder format. */
@Command(name = "import-movielens", mixinStandardHelpOptions = true,
        description = "Import a MovieLens folder (100K u.data, 1M/10M ratings.dat, 20M/25M ratings.csv).")
public class ImportMovieLensCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SRC_DIR", description = "the unpacked GroupLens folder")
    Path source;

    @Option(names = "--out", required = true, paramLabel = "DATASET_DIR", description = "dataset folder to write: new, empty, or (with --force) a dataset folder to replace")
    Path out;

    @Option(names = "--force", description = "replace the dataset folder at --out (only one this tool wrote)")
    boolean force;

    @Option(names = "--sequence-length", defaultValue = "30",
            description = "T1 = the most recent N interactions (default: ${DEFAULT-VALUE})")
    int sequenceLength;

    @Option(names = "--min-sequence", defaultValue = "5",
            description = "skip users with fewer interactions (default: ${DEFAULT-VALUE})")
    int minSequence;

    @Override
    public Integer call() {
        org.teracon.workbench.data.DatasetOutput.check(out, force, java.util.List.of(source));
        Dataset ds = MovieLensImporter.importFrom(source, new ImportOptions(sequenceLength, minSequence));
        ds.report().counts().forEach((key, n) -> System.out.printf("%-60s %d%n", key, n));
        ds.report().warnings().forEach(w -> System.out.println("warning: " + w));
        DatasetFolder.write(ds, out);
        System.out.println("wrote " + out);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ImportMovieLensCommand()).execute(args));
    }
}
