package org.teracon.workbench.ui;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The native choosers and message boxes the window uses, behind one interface: headless tests and the
 * screenshot renderer answer them programmatically (a native file dialog cannot be driven by a robot).
 */
public interface Dialogs {

    Optional<Path> chooseDirectory(String title, Path initial);

    Optional<Path> chooseOpenFile(String title, String description, String extension);

    Optional<Path> chooseSaveFile(String title, String initialName, String description, String extension);

    /** MovieLens import settings: {sequenceLength, minSequence}, or empty when the user cancels. */
    Optional<int[]> importSettings(int defaultSequenceLength, int defaultMinSequence);

    /** A yes/no question (e.g. replacing a dataset folder this tool wrote); true for yes. */
    default boolean confirm(String title, String question) {
        return false;
    }

    /** Non-blocking: the FX thread never waits for the user to close it. */
    void showError(String title, String message);

    void showInfo(String title, String message);
}
