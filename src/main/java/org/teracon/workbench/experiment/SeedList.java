package org.teracon.workbench.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The seeds of a group, from what the user typed: a single whole number N is a count (the base seed,
 * base+1, ..., N seeds), two or more comma-separated whole numbers are the seeds themselves. Checked
 * before anything trains: N ≥ 1, every value an integer, no seed twice. One seed is not a group: the
 * run folder stays as it was without seeds.
 */
public record SeedList(List<Long> seeds) {
    /** A group folder holds one run folder per seed under this prefix: {@code <out>/seed-<s>/}. */
    public static final String FOLDER_PREFIX = "seed-";
    public static final int MAX_COUNT = 1000;

    public SeedList {
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) throw new IllegalArgumentException("give at least one seed");
        if (new HashSet<>(seeds).size() != seeds.size()) throw new IllegalArgumentException("seeds must be distinct");
    }

    public static SeedList single(long seed) {
        return new SeedList(List.of(seed));
    }

    /** @param base the experiment's seed, the first of a counted group */
    public static SeedList parse(String text, long base) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) throw new IllegalArgumentException("give a count (5) or a list of seeds (1,2,3)");
        String[] parts = s.split("\\s*,\\s*");
        List<Long> seeds = new ArrayList<>();
        if (parts.length == 1) {
            long n = whole(parts[0]);
            if (n < 1) throw new IllegalArgumentException("the count of seeds must be ≥ 1");
            if (n > MAX_COUNT) throw new IllegalArgumentException("at most " + MAX_COUNT + " seeds");
            for (long k = 0; k < n; k++) seeds.add(base + k);
            return new SeedList(seeds);
        }
        Set<Long> seen = new HashSet<>();
        for (String p : parts) {
            long v = whole(p);
            if (!seen.add(v)) throw new IllegalArgumentException("seed " + v + " is given twice; seeds must be distinct");
            seeds.add(v);
        }
        return new SeedList(seeds);
    }

    private static long whole(String part) {
        try {
            return Long.parseLong(part.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + part.trim() + "' is not a whole number");
        }
    }

    public boolean isGroup() {
        return seeds.size() > 1;
    }

    public int size() {
        return seeds.size();
    }

    public static String folder(long seed) {
        return FOLDER_PREFIX + seed;
    }
}
