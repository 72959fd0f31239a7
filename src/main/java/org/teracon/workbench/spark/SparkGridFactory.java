package org.teracon.workbench.spark;

import java.util.Map;
import org.teracon.workbench.experiment.GridExecutor;

/**
 * Registered in META-INF/services, so the layers below find Spark without naming it. The desktop jar
 * holds this class but not Spark: then {@code --spark} stops with one line saying how to get it.
 */
public final class SparkGridFactory implements GridExecutor.Factory {

    @Override
    public GridExecutor create(String master, Map<String, String> settings) {
        if (!available()) throw new IllegalArgumentException(GridExecutor.SPARK_MISSING);
        return new SparkGrid(SparkSettings.of(master, settings));
    }

    @Override
    public boolean available() {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkGridFactory.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
