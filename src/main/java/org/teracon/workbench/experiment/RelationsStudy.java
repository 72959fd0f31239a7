package org.teracon.workbench.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.teracon.workbench.data.PlantedRelationsGenerator;

/**
 * Planted relations against learned ones: TERACON trained once per seed on a dataset with a
 * relations.csv (see {@link PlantedRelationsGenerator}); for every off-diagonal task pair the planted
 * relation is compared with the learned mask similarity (cosine of the tasks' masks, mean over layers),
 * by Spearman's ρ over the pairs (Apache Commons Math), per seed and for the mean over seeds.
 */
public final class RelationsStudy {

    private RelationsStudy() {
    }

    public static List<BatchRunner.LabelledConfig> plan(ExperimentConfig base, List<Long> seeds) {
        ExperimentConfig t = base.withMethod("teracon");
        return seeds.stream().map(s -> new BatchRunner.LabelledConfig("seed" + s, t.withSeed(s))).toList();
    }

    public static Path relationsFile(String dataset) {
        Path p = Path.of(dataset).resolve(PlantedRelationsGenerator.RELATIONS_FILE);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(dataset + " has no " + PlantedRelationsGenerator.RELATIONS_FILE
                    + ": the relations study needs a dataset made by generate-planted");
        }
        return p;
    }

    /** Spearman's rank correlation of two equally long series (ties get their mean rank). */
    public static double spearman(double[] a, double[] b) {
        return new SpearmansCorrelation().correlation(a, b);
    }

    /** The off-diagonal pairs (a &lt; b in the learned table's order) of the tasks both matrices know. */
    static List<String[]> pairs(List<String> tasks) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) for (int j = i + 1; j < tasks.size(); j++) out.add(new String[] {tasks.get(i), tasks.get(j)});
        return out;
    }

    /**
     * Rows: each pair (planted, learned per seed, mean learned), then "Spearman rho" (per seed, and of the
     * mean), then per task its mean learned similarity to the others (to see which task is least similar).
     */
    public static ResultTable table(Map<String, RunResult> results, PlantedRelationsGenerator.Relations planted) {
        List<String> labels = new ArrayList<>(results.keySet());
        MaskSimilarityTable first = results.values().iterator().next().maskSimilarity();
        if (first == null) throw new IllegalStateException("the runs wrote no mask similarity");
        List<String> tasks = first.tasks().stream().filter(planted.tasks()::contains).toList();
        List<String[]> pairs = pairs(tasks);
        List<String> columns = new ArrayList<>();
        columns.add("planted");
        labels.forEach(l -> columns.add("learned " + l));
        columns.add("learned mean");
        ResultTable.Builder b = new ResultTable.Builder("relations study", "pair", columns);
        double[] plantedSeries = new double[pairs.size()];
        double[][] learned = new double[labels.size() + 1][pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            String x = pairs.get(p)[0];
            String y = pairs.get(p)[1];
            plantedSeries[p] = planted.get(x, y);
            double sum = 0;
            for (int s = 0; s < labels.size(); s++) {
                learned[s][p] = similarity(results.get(labels.get(s)).maskSimilarity(), x, y);
                sum += learned[s][p];
            }
            learned[labels.size()][p] = sum / labels.size();
            double[] row = new double[columns.size()];
            row[0] = plantedSeries[p];
            for (int s = 0; s <= labels.size(); s++) row[s + 1] = learned[s][p];
            b.row(x + " ~ " + y, row);
        }
        double[] rho = new double[columns.size()];
        rho[0] = Double.NaN;
        for (int s = 0; s <= labels.size(); s++) rho[s + 1] = spearman(plantedSeries, learned[s]);
        b.row("Spearman rho", rho);
        for (String task : tasks) {
            double[] row = new double[columns.size()];
            double plantedMean = 0;
            for (String o : tasks) if (!o.equals(task)) plantedMean += planted.get(task, o) / (tasks.size() - 1);
            row[0] = plantedMean;
            for (int s = 0; s <= labels.size(); s++) {
                double m = 0;
                for (int p = 0; p < pairs.size(); p++) {
                    if (pairs.get(p)[0].equals(task) || pairs.get(p)[1].equals(task)) m += learned[s][p] / (tasks.size() - 1);
                }
                row[s + 1] = m;
            }
            b.row("mean to others: " + task, row);
        }
        return b.build();
    }

    private static double similarity(MaskSimilarityTable t, String a, String b) {
        if (t == null) return Double.NaN;
        return t.averaged()[t.tasks().indexOf(a)][t.tasks().indexOf(b)];
    }
}
