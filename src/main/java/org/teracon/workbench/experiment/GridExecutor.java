package org.teracon.workbench.experiment;

import java.util.List;
import java.util.Map;
import org.teracon.workbench.data.Dataset;

/**
 * Where the runs of a grid train: one after another in this JVM ({@link LocalGrid}) or as tasks of a
 * Spark job (package {@code spark}, found through {@link Factory}). Both write the same run folders;
 * the caller checked every run before (BatchRunner) and writes the grid's tables after.
 */
public interface GridExecutor {

    /**
     * @param runs     in plan order (SinMo first within a batch: its run is the others' FWT reference)
     * @param datasets the runs' datasets as loaded by the preflight, by path
     * @return each executed run's result by label, in plan order; fewer than {@code runs} after a cancel
     */
    Map<String, RunResult> execute(List<GridRun> runs, Map<String, Dataset> datasets, BatchRunner.Listener listener,
                                   CancellationToken cancel);

    /** Makes executors for a master URL; the Spark module registers one (META-INF/services). */
    interface Factory {
        /**
         * @param settings extra engine settings (Spark: {@code key=value} configuration)
         * @throws IllegalArgumentException when the engine cannot run here (Spark not on the classpath)
         */
        GridExecutor create(String master, Map<String, String> settings);

        /** False when the engine's own classes are missing here (the desktop jar holds the factory, not Spark). */
        default boolean available() {
            return true;
        }
    }

    /** True when a registered factory can run a grid here: the window offers Spark only then. */
    static boolean sparkAvailable() {
        for (Factory f : java.util.ServiceLoader.load(Factory.class, GridExecutor.class.getClassLoader())) {
            if (f.available()) return true;
        }
        return false;
    }

    /** The local executor for no master, else the first registered factory's. */
    static GridExecutor forMaster(String master, Map<String, String> settings) {
        if (master == null || master.isBlank()) return LocalGrid.INSTANCE;
        for (Factory f : java.util.ServiceLoader.load(Factory.class, GridExecutor.class.getClassLoader())) {
            return f.create(master, settings);
        }
        throw new IllegalArgumentException(SPARK_MISSING);
    }

    String SPARK_MISSING = "--spark needs Apache Spark on the classpath, which the desktop jar leaves out: build it with "
            + "'mvn -Pspark package -DskipTests' and start it with java -cp \"target/teracon-workbench-0.1.0-spark.jar:target/spark-lib/*\" "
            + "org.teracon.workbench.Main (README: Grids on Spark)";
}
