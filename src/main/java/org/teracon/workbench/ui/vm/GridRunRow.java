package org.teracon.workbench.ui.vm;

import java.util.Locale;
import org.teracon.workbench.experiment.GridStatus;

/** One run of a Spark grid in the studies tab: its label, state, executor and host, and an attempt or failure note. */
public record GridRunRow(String label, String state, String where, String note) {

    public static GridRunRow of(GridStatus.RunState s) {
        String attempt = s.attempt() > 0 ? "attempt " + (s.attempt() + 1) : "";
        String note = attempt.isEmpty() ? s.message() : s.message().isEmpty() ? attempt : attempt + ": " + s.message();
        return new GridRunRow(s.label(), s.state().name().toLowerCase(Locale.ROOT), s.where(), note);
    }
}
