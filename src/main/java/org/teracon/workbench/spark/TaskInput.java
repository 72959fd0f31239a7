package org.teracon.workbench.spark;

import java.io.Serializable;
import java.util.TreeMap;

/**
 * One Spark task: one run of the grid. The config travels as its experiment.json text (the same JSON
 * the run folder keeps), so the executor trains exactly what the driver planned.
 *
 * @param index          the run's place in the whole grid
 * @param withReference  FWT against a SinMo reference (found in, or trained into, a private cache)
 * @param referenceFiles the driver's finished SinMo references ({@code <hash>/results.json}), so no task trains one again
 */
record TaskInput(int index, String label, String configJson, String dataset, boolean withReference,
                 TreeMap<String, byte[]> referenceFiles) implements Serializable {
}
