package org.teracon.workbench.app.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.Json;

/**
 * The settings that differ between the units of a comparison. Settings are read from the config as
 * experiment.json spells it (flattened to dotted keys: {@code params.teracon.alpha},
 * {@code training.second.epochs}), so every key the file has is compared, including ones added later,
 * without a list kept here. The seed is replaced by the unit's seeds.
 */
public final class SettingsDiff {
    public static final String SEEDS = "seeds";
    /** Shown where a unit has no such key (another method's parameter). */
    public static final String ABSENT = "–";

    /** One differing key and its value in each unit, in unit order. */
    public record Row(String key, List<String> values) {
        public Row {
            values = List.copyOf(values);
        }
    }

    private SettingsDiff() {
    }

    public static List<Row> of(List<CompareUnit> units) {
        List<Map<String, String>> flat = units.stream().map(SettingsDiff::settings).toList();
        List<String> keys = new ArrayList<>();
        for (Map<String, String> m : flat) for (String k : m.keySet()) if (!keys.contains(k)) keys.add(k);
        List<Row> rows = new ArrayList<>();
        for (String k : keys) {
            List<String> values = flat.stream().map(m -> m.getOrDefault(k, ABSENT)).toList();
            if (values.stream().distinct().count() > 1) rows.add(new Row(k, values));
        }
        return rows;
    }

    /** The unit's settings as dotted keys; its seeds as one key. */
    static Map<String, String> settings(CompareUnit unit) {
        Map<String, String> m = withoutSeed(unit.runs().get(0).config());
        m.put(SEEDS, unit.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        return m;
    }

    /** Every setting but the seed: equal maps mean runs of one experiment with different seeds. */
    static Map<String, String> withoutSeed(ExperimentConfig c) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", Json.MAPPER.valueToTree(c), out);
        out.remove("seed");
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull()) return;
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(x -> parts.add(x.isValueNode() ? x.asText() : x.toString()));
            out.put(prefix, String.join(", ", parts));
        } else {
            out.put(prefix, Objects.toString(node.asText(), ""));
        }
    }
}
