package org.teracon.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.DatasetFolder;
import org.teracon.workbench.data.PlantedRelationsGenerator;
import org.teracon.workbench.data.SyntheticDatasetGenerator;
import org.teracon.workbench.data.SyntheticSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a synthetic dataset with planted structure in the workbench folder format. */
@Command(name = "generate-synthetic", mixinStandardHelpOptions = true,
        description = "Generate a synthetic dataset with planted taste/side structure (workbench folder format).")
public class GenerateSyntheticCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "dataset folder to write: new, empty, or (with --force) a dataset folder to replace")
    Path out;

    @Option(names = "--force", description = "replace the dataset folder at --out (only one this tool wrote)")
    boolean force;

    @Option(names = "--seed", defaultValue = "7", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--users", defaultValue = "600", description = "number of users (default: ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--items", defaultValue = "150", description = "number of items (default: ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--planted", description = "write the planted-relations dataset instead (streamed to disk, any size, "
            + "with relations.csv): tasks from shared latent factors, an unrelated task and a noisy task")
    boolean planted;

    @Option(names = "--length", defaultValue = "20", description = "sequence length of --planted (default: ${DEFAULT-VALUE})")
    int length;

    static final int MAX_USERS = 10_000_000;
    static final int MAX_ITEMS = 10_000_000;

    @Override
    public Integer call() {
        if (users < 2 || users > MAX_USERS || items < 2 || items > MAX_ITEMS) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--users must be in [2, " + MAX_USERS + "] and --items in [2, "
                    + MAX_ITEMS + "] (got " + users + " and " + items + ")");
        }
        org.teracon.workbench.data.DatasetOutput.check(out, force, java.util.List.of());
        if (planted) {
            // streamed to disk: its memory does not grow with the user count
            long start = System.nanoTime();
            PlantedRelationsGenerator.write(new PlantedRelationsGenerator.Spec(users, items, length), seed, out);
            System.out.printf(java.util.Locale.ROOT, "wrote %s: %d users, %d items, tasks %s, planted relations in %s (%.1f s)%n", out, users, items,
                    PlantedRelationsGenerator.TASKS.stream().map(PlantedRelationsGenerator.PlantedTask::name).toList(),
                    PlantedRelationsGenerator.RELATIONS_FILE, (System.nanoTime() - start) / 1e9);
            return 0;
        }
        long bytes = (long) users * SyntheticSpec.defaults().sequenceLength() * Integer.BYTES * 8;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap / 2) {
            throw new CommandLine.ParameterException(new CommandLine(this), String.format(java.util.Locale.ROOT,
                    "%d users need about %.1f GB of memory and this JVM has %.1f GB (-Xmx): use fewer users, or --planted, which streams", users, bytes / 1e9, heap / 1e9));
        }
        Dataset ds = SyntheticDatasetGenerator.generate(SyntheticSpec.defaults().withSize(users, items), seed);
        DatasetFolder.write(ds, out);
        System.out.printf("wrote %s: %d users, %d items, tasks %s%n", out, ds.numUsers(), ds.vocabularySize() - 1,
                ds.tasks().stream().map(t -> t.name() + "(" + t.numInstances() + ")").toList());
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateSyntheticCommand()).execute(args));
    }
}
