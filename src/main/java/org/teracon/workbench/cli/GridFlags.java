package org.teracon.workbench.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teracon.workbench.experiment.BatchRunner;
import org.teracon.workbench.experiment.GridExecutor;
import picocli.CommandLine.Option;

/** {@code --spark MASTER} and {@code --spark-conf key=value}: where a grid's runs train. */
public class GridFlags {
    @Option(names = "--spark", paramLabel = "MASTER",
            description = "train the grid's runs as Apache Spark tasks: local[N] (in this JVM, N at once), spark://host:7077 "
                    + "(a standalone cluster) ...; needs the -Pspark build (README: Grids on Spark). Default: one after another here")
    String master;

    @Option(names = "--spark-conf", paramLabel = "spark.key=value",
            description = "a Spark setting for --spark (repeatable), e.g. spark.executor.memory=4g")
    List<String> conf = new ArrayList<>();

    boolean spark() {
        return master != null;
    }

    /** Checked before anything trains: a bad setting or a missing Spark is exit 2. */
    GridExecutor executor() {
        if (master == null) {
            if (!conf.isEmpty()) throw new IllegalArgumentException("--spark-conf needs --spark MASTER");
            return GridExecutor.forMaster(null, Map.of());
        }
        if (master.isBlank()) throw new IllegalArgumentException("--spark needs a master: local[2], spark://host:7077, ...");
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : conf) {
            int eq = p.indexOf('=');
            if (eq <= 0 || !p.startsWith("spark.")) throw new IllegalArgumentException("--spark-conf " + p + ": expected spark.key=value");
            m.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return GridExecutor.forMaster(master, m);
    }

    BatchRunner.Options options(boolean withReference, boolean force, boolean resume) {
        if (force && resume) throw new IllegalArgumentException("--resume keeps completed runs and --force replaces them: give one");
        return new BatchRunner.Options(withReference, force, resume, executor());
    }
}
