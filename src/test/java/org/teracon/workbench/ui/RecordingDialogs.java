package org.teracon.workbench.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Answers file choosers from a queue (native dialogs cannot be driven headlessly) and records messages. */
final class RecordingDialogs implements Dialogs {
    final Deque<Path> answers = new ArrayDeque<>();
    final List<String> errors = new ArrayList<>();
    final List<String> questions = new ArrayList<>();
    boolean confirmAnswer;

    @Override
    public boolean confirm(String title, String question) {
        questions.add(question);
        return confirmAnswer;
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, String description, String extension) {
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialName, String description, String extension) {
        Path dir = answers.poll();
        return Optional.ofNullable(dir == null ? null : dir.resolve(initialName));
    }

    @Override
    public Optional<int[]> importSettings(int defaultSequenceLength, int defaultMinSequence) {
        return Optional.of(new int[]{defaultSequenceLength, defaultMinSequence});
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showInfo(String title, String message) {
    }
}
