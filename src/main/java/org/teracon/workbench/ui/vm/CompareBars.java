package org.teracon.workbench.ui.vm;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.XYChart;
import org.teracon.workbench.app.compare.RunComparison;
import org.teracon.workbench.app.compare.TaskComparison;
import org.teracon.workbench.experiment.SeedStats;

/**
 * The bar chart's data: one series per unit, one category per task, the bar at the mean and the
 * seed group's std as the datum's extra value (drawn as ± whiskers by ErrorBarChart). Tasks a unit
 * lacks get no bar.
 */
final class CompareBars {
    private CompareBars() {
    }

    static List<XYChart.Series<String, Number>> of(RunComparison c) {
        List<XYChart.Series<String, Number>> out = new ArrayList<>();
        for (int u = 0; u < c.units().size(); u++) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(c.units().get(u).label());
            for (TaskComparison.Row row : c.tasks()) {
                SeedStats.Summary v = row.values().get(u);
                if (v.n() == 0) continue;
                s.getData().add(new XYChart.Data<>(row.task(), v.mean(), v.std()));
            }
            out.add(s);
        }
        return out;
    }
}
