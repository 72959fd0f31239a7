package org.teracon.workbench.ui.vm;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.teracon.workbench.data.Dataset;
import org.teracon.workbench.data.Task;
import org.teracon.workbench.experiment.NoisyTaskSpec;

/**
 * The run's task sequence. T1 is pinned first; other tasks can be reordered, excluded, and a noisy
 * task inserted. Produces {@code ExperimentConfig.taskOrder} (included dataset tasks in order) and
 * {@code noisyTask} (its 1-based position in the final sequence, counting only included tasks).
 */
public final class TaskOrderViewModel {
    private final ObservableList<TaskOrderItem> items =
            FXCollections.observableArrayList(i -> new Observable[]{i.includedProperty()});
    private final IntegerProperty noisyPosition = new SimpleIntegerProperty(2);
    private final StringProperty noisyFraction = new SimpleStringProperty("0.5");
    private final StringProperty noisyClasses = new SimpleStringProperty("50");
    private final StringProperty message = new SimpleStringProperty("");
    /** True while the list or the spinner is being brought in line with the other: stops the echo. */
    private boolean syncing;
    private double noisyFractionValue = 0.5;
    private int noisyClassesValue = 50;

    public TaskOrderViewModel() {
        // The position spinner follows the noisy task when it is dragged, ticked or unticked, and moves it when
        // the user types a position: one number, one place in the list.
        items.addListener((javafx.collections.ListChangeListener<TaskOrderItem>) ch -> followNoisy());
        noisyPosition.addListener((o, was, now) -> moveNoisyTo(now.intValue()));
    }

    public void setDataset(Dataset d) {
        List<TaskOrderItem> list = new ArrayList<>();
        for (int i = 0; i < d.tasks().size(); i++) {
            Task t = d.tasks().get(i);
            String detail = t.kind().jsonName() + ", " + t.numClasses() + " classes";
            list.add(t.noisy() && i > 0 ? TaskOrderItem.datasetNoisy(t.name(), detail + "; the dataset's noisy task (random labels)")
                    : TaskOrderItem.task(t.name(), detail, i == 0));
        }
        items.setAll(list);
        message.set("");
    }

    public ObservableList<TaskOrderItem> items() {
        return items;
    }

    /** Whether the item at {@code index} may be dragged: everything but T1. */
    public boolean canMove(int index) {
        return index > 0 && index < items.size();
    }

    /** Moves an item; targets before T1 are clamped to position 2. Returns false if refused. */
    public boolean move(int from, int to) {
        if (!canMove(from)) {
            message.set("T1 stays first: it cannot be moved.");
            return false;
        }
        int target = Math.max(1, Math.min(to, items.size() - 1));
        if (target == from) return false;
        TaskOrderItem item = items.remove(from);
        items.add(target, item);
        message.set("");
        return true;
    }

    /** The included noisy task's 1-based position among included tasks, or 0 when none is included. */
    public int noisyIndexAmongIncluded() {
        int pos = 0;
        for (TaskOrderItem i : items) {
            if (!i.isIncluded()) continue;
            pos++;
            if (i.isAnyNoisy()) return pos;
        }
        return 0;
    }

    /** The dataset's own noisy task when it is in the order, else null. */
    public String datasetNoisyTask() {
        return items.stream().filter(i -> i.isDatasetNoisy() && i.isIncluded()).map(TaskOrderItem::name).findFirst().orElse(null);
    }

    private void followNoisy() {
        int pos = noisyIndexAmongIncluded();
        if (syncing || pos == 0 || pos == noisyPosition.get()) return;
        syncing = true;
        try {
            noisyPosition.set(pos);
        } finally {
            syncing = false;
        }
    }

    private void moveNoisyTo(int position) {
        int current = noisyIndexAmongIncluded();
        if (syncing || current == 0 || current == position || position < 2) return;
        syncing = true;
        try {
            TaskOrderItem noisy = items.stream().filter(i -> i.isIncluded() && i.isAnyNoisy()).findFirst().orElseThrow();
            items.remove(noisy);
            items.add(listIndexOfIncluded(position), noisy);
        } finally {
            syncing = false;
        }
    }

    /** Where in the list the {@code position}-th included task goes (1-based; past the end = at the end). */
    private int listIndexOfIncluded(int position) {
        int seen = 0;
        for (int k = 0; k < items.size(); k++) {
            if (!items.get(k).isIncluded()) continue;
            seen++;
            if (seen == position) return k;
        }
        return items.size();
    }

    /** Inserts (or moves) the noisy task at the 1-based position with the fraction/classes typed in. */
    public boolean insertNoisy() {
        NoisyTaskSpec spec;
        try {
            spec = noisySpecAt(noisyPosition.get());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
        removeNoisy();
        // One noisy task at a time: the generated one replaces the dataset's own in the order.
        String ownName = datasetNoisyTask();
        syncing = true;
        try {
            // left out, and to the end of the list, where a loaded experiment puts every left-out task
            List<TaskOrderItem> own = items.stream().filter(TaskOrderItem::isDatasetNoisy).toList();
            own.forEach(i -> i.includedProperty().set(false));
            items.removeAll(own);
            items.addAll(own);
        } finally {
            syncing = false;
        }
        noisyFractionValue = spec.userFraction();
        noisyClassesValue = spec.classes();
        syncing = true;
        try {
            items.add(listIndexOfIncluded(spec.position()), TaskOrderItem.noisy(describe(spec)));
        } finally {
            syncing = false;
        }
        followNoisy();
        message.set(ownName == null ? "" : "Unticked the dataset's own noisy task '" + ownName + "': one noisy task at a time.");
        return true;
    }

    /** The noisy task the typed fraction and classes describe, at {@code position}; IllegalArgumentException with a user message. */
    public NoisyTaskSpec noisySpecAt(int position) {
        try {
            return new NoisyTaskSpec(Math.max(2, position), Double.parseDouble(noisyFraction.get().trim()),
                    Integer.parseInt(noisyClasses.get().trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Noisy task: user fraction and classes must be numbers.");
        }
    }

    private static String describe(NoisyTaskSpec s) {
        return "random labels, " + Math.round(s.userFraction() * 100) + "% of users, " + s.classes() + " classes";
    }

    public void removeNoisy() {
        items.removeIf(TaskOrderItem::isNoisy);
    }

    public BooleanBinding hasNoisyProperty() {
        return Bindings.createBooleanBinding(() -> items.stream().anyMatch(TaskOrderItem::isNoisy), items);
    }

    /** Included dataset tasks, in order, without the noisy task. */
    public List<String> taskOrder() {
        return items.stream().filter(i -> i.isIncluded() && !i.isNoisy()).map(TaskOrderItem::name).toList();
    }

    /** The noisy task's position among included tasks (1-based), or null when none is inserted. */
    public NoisyTaskSpec noisyTask() {
        int pos = 0;
        for (TaskOrderItem i : items) {
            if (!i.isIncluded()) continue;
            pos++;
            if (i.isNoisy()) return new NoisyTaskSpec(pos, noisyFractionValue, noisyClassesValue);
        }
        return null;
    }

    /** Rebuilds the list from a saved experiment: its order first, left-out tasks unchecked at the end. */
    public void apply(List<String> order, NoisyTaskSpec noisy) {
        if (items.isEmpty()) return;
        List<TaskOrderItem> real = items.stream().filter(i -> !i.isNoisy()).toList();
        List<TaskOrderItem> result = new ArrayList<>();
        if (order.isEmpty()) {
            result.addAll(real);
        } else {
            for (String name : order) real.stream().filter(i -> i.name().equals(name)).findFirst().ifPresent(result::add);
            for (TaskOrderItem i : real) {
                if (!result.contains(i)) {
                    i.includedProperty().set(false);
                    result.add(i);
                }
            }
            result.forEach(i -> i.includedProperty().set(order.contains(i.name()) || i.isFirst()));
        }
        if (noisy != null) {
            noisyFractionValue = noisy.userFraction();
            noisyClassesValue = noisy.classes();
            noisyFraction.set(Double.toString(noisy.userFraction()));
            noisyClasses.set(Integer.toString(noisy.classes()));
            noisyPosition.set(noisy.position());
            result.add(Math.min(noisy.position() - 1, result.size()), TaskOrderItem.noisy(describe(noisy)));
        }
        items.setAll(result);
    }

    public IntegerProperty noisyPositionProperty() {
        return noisyPosition;
    }

    public StringProperty noisyFractionProperty() {
        return noisyFraction;
    }

    public StringProperty noisyClassesProperty() {
        return noisyClasses;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
