package org.teracon.workbench.app.compare;

import java.nio.file.Path;
import org.teracon.workbench.experiment.RunInfo;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.SeedList;

/** A loaded run with the name a researcher knows it by. */
public record LabelledRun(String label, RunResult result) {

    /**
     * The run's name from run-info.json, else its folder's name; a seed group's member folder
     * ("seed-42") alone says nothing, so it is prefixed with the group folder.
     */
    public static String label(Path dir) {
        RunInfo info = RunInfo.read(dir);
        if (info != null && !info.name().isEmpty()) return info.name();
        String folder = String.valueOf(dir.getFileName());
        Path parent = dir.getParent();
        return folder.startsWith(SeedList.FOLDER_PREFIX) && parent != null ? parent.getFileName() + "/" + folder : folder;
    }
}
