package org.teracon.workbench.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper tables of a folder the workbench wrote, read back from its results: a run folder's accuracy
 * matrix and transfer table, or a seed group's as mean ± std over its completed seeds. File names start
 * with the run's name ({@link RunName}).
 */
public final class PaperExport {
    private PaperExport() {
    }

    /** File name (without extension) → table; empty when the folder holds neither a run nor a seed group. */
    public static Map<String, PaperTable> tables(Path dir) {
        Map<String, PaperTable> out = new LinkedHashMap<>();
        String stem = RunName.of(dir);
        Path results = dir.resolve(RunFolder.RESULTS);
        Path group = dir.resolve(SeedGroup.GROUP_JSON);
        if (Files.isRegularFile(results)) {
            RunResult r = Json.read(results, RunResult.class);
            if (r.matrix() == null) return out;
            out.put(stem + "-accuracy_matrix", PaperTables.matrix(r.matrix()));
            out.put(stem + "-transfer", PaperTables.transfer(r.transfer(), r.matrix().protocol()));
        } else if (Files.isRegularFile(group)) {
            SeedGroup g = readGroup(dir, Json.read(group, SeedGroup.GroupFile.class));
            if (g.completed() == 0) return out;
            out.put(stem + "-accuracy_matrix", PaperTables.of(g.matrix()));
            out.put(stem + "-transfer", PaperTables.of(g.transfer()));
        }
        return out;
    }

    /** The group's runs in seed order, up to the first seed without results (as a cancelled group leaves them). */
    private static SeedGroup readGroup(Path dir, SeedGroup.GroupFile file) {
        List<RunResult> results = new ArrayList<>();
        for (SeedGroup.Member m : file.runs()) {
            Path f = dir.resolve(m.folder()).resolve(RunFolder.RESULTS);
            if (!Files.isRegularFile(f)) break;
            results.add(Json.read(f, RunResult.class));
        }
        return new SeedGroup(file.seeds(), results);
    }
}
