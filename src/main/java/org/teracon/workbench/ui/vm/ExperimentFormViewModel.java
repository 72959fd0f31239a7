package org.teracon.workbench.ui.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.NoisyTaskSpec;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.teracon.SamplingMode;
import org.teracon.workbench.method.teracon.TeraconSettings;
import org.teracon.workbench.model.BackboneConfig;

/**
 * The method and hyperparameter form. Each number is a {@link FormField} (its own error message);
 * on top, the engine's record constructors are tried on every change so that any rule they enforce
 * and the fields do not also reaches the user, as {@link #configErrorProperty()}.
 */
public final class ExperimentFormViewModel {
    private static final double INF = Double.POSITIVE_INFINITY;

    public final FormField<Double> sMax = new FormField<>("s (s_max)", FormField.doubleIn(1, true, INF, false));
    public final FormField<Double> alpha = new FormField<>("alpha", FormField.doubleIn(0, true, INF, false));
    public final FormField<Double> c = new FormField<>("c", FormField.doubleIn(0, false, INF, false));
    public final FormField<Double> rhoMin = new FormField<>("rho_min", FormField.doubleIn(0, false, 1, true));
    public final FormField<Double> rhoInitial = new FormField<>("rho initial", FormField.doubleIn(0, false, 1, true));
    public final FormField<Double> learningRateFirst = new FormField<>("T1 learning rate", FormField.doubleIn(0, false, 1, false));
    public final FormField<Double> learningRate = new FormField<>("learning rate", FormField.doubleIn(0, false, 1, false));
    public final FormField<Integer> epochsFirst = new FormField<>("T1 epochs", FormField.intAtLeast(1));
    public final FormField<Integer> epochs = new FormField<>("epochs", FormField.intAtLeast(1));
    public final FormField<Integer> patience = new FormField<>("patience", FormField.intAtLeast(1));
    public final FormField<Integer> batchSizeFirst = new FormField<>("T1 batch size", FormField.intAtLeast(1));
    public final FormField<Integer> batchSize = new FormField<>("batch size", FormField.intAtLeast(1));
    public final FormField<Integer> evalBatchSize = new FormField<>("eval batch size", FormField.intAtLeast(1));
    public final FormField<Integer> channels = new FormField<>("channels", FormField.intAtLeast(1));
    public final FormField<Integer> kernelSize = new FormField<>("kernel size", FormField.intAtLeast(1));
    public final FormField<List<Integer>> dilations = new FormField<>("dilations", FormField.positiveIntList());
    public final FormField<Long> seed = new FormField<>("seed", FormField.anyLong());

    private final StringProperty method = new SimpleStringProperty("teracon");
    private final ObservableList<String> methods = FXCollections.observableArrayList();
    private final ObjectProperty<SamplingMode> sampling = new SimpleObjectProperty<>(SamplingMode.EQUATION);
    private final BooleanProperty annealS = new SimpleBooleanProperty(true);
    private final BooleanProperty relationAware = new SimpleBooleanProperty(true);
    private final BooleanProperty knowledgeRetention = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper configError = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid;
    private Map<String, Double> methodParams = Map.of();

    public ExperimentFormViewModel() {
        List<Observable> deps = new ArrayList<>();
        for (FormField<?> f : fields()) deps.add(f.textProperty());
        deps.addAll(List.of(method, sampling, annealS, relationAware, knowledgeRetention));
        for (Observable o : deps) o.addListener(x -> checkRecords());
        List<Observable> validDeps = new ArrayList<>();
        for (FormField<?> f : fields()) validDeps.add(f.errorProperty());
        validDeps.add(configError);
        valid = Bindings.createBooleanBinding(
                () -> fields().stream().allMatch(FormField::isValid) && configError.get().isEmpty(),
                validDeps.toArray(Observable[]::new));
        load(ExperimentConfig.defaults(""));
    }

    public List<FormField<?>> fields() {
        return List.of(sMax, alpha, c, rhoMin, rhoInitial, learningRateFirst, learningRate, epochsFirst, epochs,
                patience, batchSizeFirst, batchSize, evalBatchSize, channels, kernelSize, dilations, seed);
    }

    private void checkRecords() {
        if (!fields().stream().allMatch(FormField::isValid)) {
            configError.set("");
            return;
        }
        try {
            teracon();
            training();
            backbone();
            if (method.get() == null || method.get().isBlank()) throw new IllegalArgumentException("choose a method");
            configError.set("");
        } catch (IllegalArgumentException e) {
            configError.set(e.getMessage());
        }
    }

    private TeraconSettings teracon() {
        return new TeraconSettings(sMax.value(), annealS.get(), alpha.value(), c.value(), relationAware.get(),
                knowledgeRetention.get(), sampling.get(), rhoMin.value(), rhoInitial.value());
    }

    private TrainingConfig training() {
        return new TrainingConfig(epochsFirst.value(), epochs.value(), patience.value(), batchSizeFirst.value(),
                batchSize.value(), learningRateFirst.value(), learningRate.value(), evalBatchSize.value());
    }

    private BackboneConfig backbone() {
        return new BackboneConfig(channels.value(), kernelSize.value(), dilations.value());
    }

    /** The whole experiment; throws IllegalArgumentException (a user-facing message) when invalid. */
    public ExperimentConfig toConfig(String dataset, List<String> taskOrder, NoisyTaskSpec noisy) {
        for (FormField<?> f : fields()) {
            if (!f.isValid()) throw new IllegalArgumentException(f.errorProperty().get());
        }
        return new ExperimentConfig(dataset, taskOrder, noisy, method.get(), teracon(), methodParams, backbone(),
                training(), seed.value());
    }

    /** Fills every field from a config (defaults or a loaded experiment.json). */
    public void load(ExperimentConfig cfg) {
        TeraconSettings t = cfg.teracon();
        TrainingConfig tr = cfg.training();
        BackboneConfig b = cfg.backbone();
        if (!methods.isEmpty() && !methods.contains(cfg.method())) methods.add(cfg.method());
        method.set(cfg.method());
        sMax.setText(num(t.sMax()));
        alpha.setText(num(t.alpha()));
        c.setText(num(t.c()));
        rhoMin.setText(num(t.rhoMin()));
        rhoInitial.setText(num(t.rhoInitial()));
        sampling.set(t.sampling());
        annealS.set(t.annealS());
        relationAware.set(t.relationAware());
        knowledgeRetention.set(t.knowledgeRetention());
        learningRateFirst.setText(num(tr.learningRateFirst()));
        learningRate.setText(num(tr.learningRate()));
        epochsFirst.setText(Integer.toString(tr.epochsFirst()));
        epochs.setText(Integer.toString(tr.epochs()));
        patience.setText(Integer.toString(tr.patience()));
        batchSizeFirst.setText(Integer.toString(tr.batchSizeFirst()));
        batchSize.setText(Integer.toString(tr.batchSize()));
        evalBatchSize.setText(Integer.toString(tr.evalBatchSize()));
        channels.setText(Integer.toString(b.channels()));
        kernelSize.setText(Integer.toString(b.kernelSize()));
        dilations.setText(b.dilations().stream().map(String::valueOf).collect(Collectors.joining(",")));
        seed.setText(Long.toString(cfg.seed()));
        methodParams = cfg.methodParams();
        checkRecords();
    }

    static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? Long.toString((long) d) : Double.toString(d);
    }

    public void setMethods(List<String> names) {
        String current = method.get();
        methods.setAll(names);
        if (current != null && !names.contains(current)) methods.add(current);
        if (current == null || current.isBlank()) method.set(names.isEmpty() ? "teracon" : names.get(0));
    }

    public ObservableList<String> methods() {
        return methods;
    }

    public StringProperty methodProperty() {
        return method;
    }

    public ObjectProperty<SamplingMode> samplingProperty() {
        return sampling;
    }

    public BooleanProperty annealSProperty() {
        return annealS;
    }

    public BooleanProperty relationAwareProperty() {
        return relationAware;
    }

    public BooleanProperty knowledgeRetentionProperty() {
        return knowledgeRetention;
    }

    public ReadOnlyStringProperty configErrorProperty() {
        return configError.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** All current problems, one per line, for the status area. */
    public String problems() {
        List<String> p = new ArrayList<>();
        for (FormField<?> f : fields()) if (!f.errorProperty().get().isEmpty()) p.add(f.errorProperty().get());
        if (!configError.get().isEmpty()) p.add(configError.get());
        return String.join("\n", p);
    }
}
