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

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "dataset folder to write (replaced)")
    Path out;

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

    @Override
    public Integer call() {
        if (planted) {
            long start = System.nanoTime();
            PlantedRelationsGenerator.write(new PlantedRelationsGenerator.Spec(users, items, length), seed, out);
            System.out.printf(java.util.Locale.ROOT, "wrote %s: %d users, %d items, tasks %s, planted relations in %s (%.1f s)%n", out, users, items,
                    PlantedRelationsGenerator.TASKS.stream().map(PlantedRelationsGenerator.PlantedTask::name).toList(),
                    PlantedRelationsGenerator.RELATIONS_FILE, (System.nanoTime() - start) / 1e9);
            return 0;
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
