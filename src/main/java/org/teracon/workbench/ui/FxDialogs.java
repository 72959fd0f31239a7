package org.teracon.workbench.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs: JavaFX choosers and alerts owned by the main window. */
public final class FxDialogs implements Dialogs {
    private final Window owner;

    public FxDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        if (initial != null && Files.isDirectory(initial)) c.setInitialDirectory(initial.toAbsolutePath().toFile());
        return Optional.ofNullable(c.showDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, String description, String extension) {
        FileChooser c = chooser(title, description, extension);
        return Optional.ofNullable(c.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialName, String description, String extension) {
        FileChooser c = chooser(title, description, extension);
        c.setInitialFileName(initialName);
        return Optional.ofNullable(c.showSaveDialog(owner)).map(File::toPath);
    }

    private static FileChooser chooser(String title, String description, String extension) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
        c.setInitialDirectory(Path.of("").toAbsolutePath().toFile());
        return c;
    }

    @Override
    public boolean confirm(String title, String question) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION, question,
                javafx.scene.control.ButtonType.YES, javafx.scene.control.ButtonType.NO);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(null);
        return a.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.YES).isPresent();
    }

    @Override
    public Optional<int[]> importSettings(int defaultSequenceLength, int defaultMinSequence) {
        Dialog<int[]> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Import MovieLens");
        d.setHeaderText("How to cut each user's rating history into the T1 sequence");
        TextField len = new TextField(Integer.toString(defaultSequenceLength));
        TextField min = new TextField(Integer.toString(defaultMinSequence));
        Label lenLabel = new Label("_Sequence length (most recent items)");
        lenLabel.setMnemonicParsing(true);
        lenLabel.setLabelFor(len);
        Label minLabel = new Label("_Minimum interactions per user");
        minLabel.setMnemonicParsing(true);
        minLabel.setLabelFor(min);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, lenLabel, len);
        g.addRow(1, minLabel, min);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> {
            if (b != ButtonType.OK) return null;
            try {
                return new int[]{Integer.parseInt(len.getText().trim()), Integer.parseInt(min.getText().trim())};
            } catch (NumberFormatException e) {
                showError("Import MovieLens", "Sequence length and minimum interactions must be whole numbers.");
                return null;
            }
        });
        return d.showAndWait();
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message);
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message);
    }

    private void alert(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type, message, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setMinWidth(480);
        a.show();
    }
}
