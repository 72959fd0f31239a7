package org.teracon.workbench.app.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.teracon.workbench.experiment.SeedList;

/** Forms the units of a comparison from the selected runs: each run alone, or seed groups. */
public final class CompareUnits {
    private CompareUnits() {
    }

    /**
     * With {@code groupSeeds}, runs whose settings are equal except for the seed become one seed group
     * (at least two distinct seeds); a repeated seed would make pairing by seed ambiguous, so such runs
     * stay single. Units keep the order in which their first run was selected; labels are made unique.
     */
    public static List<CompareUnit> of(List<LabelledRun> runs, boolean groupSeeds) {
        Map<Object, List<LabelledRun>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            LabelledRun r = runs.get(i);
            Object key = groupSeeds ? SettingsDiff.withoutSeed(r.result().config()) : i;
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<CompareUnit> units = new ArrayList<>();
        for (List<LabelledRun> members : byKey.values()) {
            Set<Long> seeds = new HashSet<>();
            boolean distinct = members.stream().allMatch(m -> seeds.add(m.result().config().seed()));
            if (members.size() > 1 && distinct) {
                units.add(new CompareUnit(groupLabel(members), members.stream().map(LabelledRun::result).toList()));
            } else {
                for (LabelledRun m : members) units.add(CompareUnit.single(m.label(), m.result()));
            }
        }
        return unique(units);
    }

    /** The first member's label without its "seed-s" part, then the seeds: "teracon-abc [seeds 1, 2, 3]". */
    static String groupLabel(List<LabelledRun> members) {
        String first = members.get(0).label();
        String seedPart = "/" + SeedList.folder(members.get(0).result().config().seed());
        String base = first.endsWith(seedPart) ? first.substring(0, first.length() - seedPart.length()) : first;
        return base + " [seeds " + members.stream().map(m -> String.valueOf(m.result().config().seed()))
                .collect(Collectors.joining(", ")) + "]";
    }

    private static List<CompareUnit> unique(List<CompareUnit> units) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<CompareUnit> out = new ArrayList<>();
        for (CompareUnit u : units) {
            int k = seen.merge(u.label(), 1, Integer::sum);
            out.add(k == 1 ? u : new CompareUnit(u.label() + " (" + k + ")", u.runs()));
        }
        return out;
    }
}
