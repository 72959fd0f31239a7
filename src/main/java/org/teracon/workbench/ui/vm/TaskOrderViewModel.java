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
    private double noisyFractionValue = 0.5;
    private int noisyClassesValue = 50;

    public void setDataset(Dataset d) {
        List<TaskOrderItem> list = new ArrayList<>();
        for (int i = 0; i < d.tasks().size(); i++) {
            Task t = d.tasks().get(i);
            list.add(TaskOrderItem.task(t.name(), t.kind().jsonName() + ", " + t.numClasses() + " classes", i == 0));
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
        noisyFractionValue = spec.userFraction();
        noisyClassesValue = spec.classes();
        int index = Math.min(spec.position() - 1, items.size());
        items.add(index, TaskOrderItem.noisy(describe(spec)));
        message.set("");
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
