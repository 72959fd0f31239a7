package org.teracon.workbench.ui.vm;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The status bar: the latest message and the latest error (errors stay until the next action clears them). */
public final class StatusViewModel {
    private final StringProperty message = new SimpleStringProperty("Ready");
    private final StringProperty error = new SimpleStringProperty("");

    public void info(String m) {
        message.set(m);
    }

    public void error(String e) {
        error.set(e == null ? "" : e);
    }

    public void clearError() {
        error.set("");
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
