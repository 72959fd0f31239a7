package org.teracon.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where tests find data that is not in the repository: {@code shared/} beside the project root, as CI
 * lays it out on a fresh clone. Missing data skips a test on a developer's machine but fails it in CI
 * (environment CI=true), so a test that needs it can't quietly stop running there.
 */
public final class SharedData {
    private SharedData() {
    }

    /** Maven's {@code basedir} (surefire passes it, see pom.xml), else the working directory (an IDE run). */
    public static Path projectRoot() {
        String basedir = System.getProperty("basedir");
        return Path.of(basedir != null && !basedir.isBlank() ? basedir : "").toAbsolutePath().normalize();
    }

    /** {@code <project>/../shared}. */
    public static Path root() {
        return projectRoot().resolveSibling("shared");
    }

    /**
     * The shared folder {@code relative} (e.g. "datasets/ml-100k"), checked by a file it must hold;
     * when that file is missing: fails under CI=true, skips otherwise.
     */
    public static Path require(String relative, String fileInside) {
        return require(root().resolve(relative), fileInside, System.getenv());
    }

    static Path require(Path folder, String fileInside, Map<String, String> env) {
        Path file = folder.resolve(fileInside);
        if (Files.isRegularFile(file)) return folder;
        String message = "shared data missing: " + file + " (expected shared/ beside the project root " + projectRoot() + ")";
        if ("true".equals(env.get("CI"))) Assertions.fail(message + "; CI=true, so this fails instead of skipping");
        Assumptions.abort("skipped: " + message);
        return folder; // not reached: abort throws
    }
}
