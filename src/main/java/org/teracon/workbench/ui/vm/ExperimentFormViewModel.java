package org.teracon.workbench.ui.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.NoisyTaskSpec;
import org.teracon.workbench.experiment.SeedList;
import org.teracon.workbench.experiment.Preset;
import org.teracon.workbench.method.EvaluationProtocol;
import org.teracon.workbench.method.StageSchedule;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.catalog.MethodCatalog;
import org.teracon.workbench.method.params.ParamSpec;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.model.BackboneConfig;

/**
 * The method and hyperparameter form. Each number is a {@link FormField} (its own error message); the
 * method parameters are {@link ParamField}s made from the catalog's specs, and only the chosen method's
 * count. On top, the engine's record constructors are tried on every change so that any rule they
 * enforce and the fields do not also reaches the user, as {@link #configErrorProperty()}.
 */
public final class ExperimentFormViewModel {
    public final FormField<Double> learningRateFirst = new FormField<>("T1 learning rate", FormField.doubleIn(0, false, 1, false));
    public final FormField<Double> learningRate = new FormField<>("T2 learning rate", FormField.doubleIn(0, false, 1, false));
    public final FormField<Double> learningRateRest = new FormField<>("T3+ learning rate", FormField.doubleIn(0, false, 1, false));
    public final FormField<Integer> epochsFirst = new FormField<>("T1 epochs", FormField.intAtLeast(1));
    public final FormField<Integer> epochs = new FormField<>("T2 epochs", FormField.intAtLeast(1));
    public final FormField<Integer> epochsRest = new FormField<>("T3+ epochs", FormField.intAtLeast(1));
    public final FormField<Integer> patience = new FormField<>("patience", FormField.intAtLeast(1));
    public final FormField<Integer> batchSizeFirst = new FormField<>("T1 batch size", FormField.intAtLeast(1));
    public final FormField<Integer> batchSize = new FormField<>("T2 batch size", FormField.intAtLeast(1));
    public final FormField<Integer> batchSizeRest = new FormField<>("T3+ batch size", FormField.intAtLeast(1));
    public final FormField<Integer> evalBatchSize = new FormField<>("eval batch size", FormField.intAtLeast(1));
    public final FormField<Integer> channels = new FormField<>("channels", FormField.intAtLeast(1));
    public final FormField<Integer> kernelSize = new FormField<>("kernel size", FormField.intAtLeast(1));
    public final FormField<List<Integer>> dilations = new FormField<>("dilations", FormField.positiveIntList());
    public final FormField<Long> seed = new FormField<>("seed", FormField.anyLong());
    /** A count of seeds from {@link #seed} on, or a list of seeds; more than one makes a seed group. */
    public final FormField<String> seeds = new FormField<>("seeds", s -> {
        SeedList.parse(s, 0);
        return s;
    });

    /** The next run's name in run-info.json and the run views' header; blank = "<method> <dataset> <time>". */
    public final FormField<String> runName = new FormField<>("run name", String::strip);
    /** Comma-separated tags for the next run. */
    public final FormField<String> runTags = new FormField<>("tags", s -> s);

    private final StringProperty method = new SimpleStringProperty("teracon");
    /** The preset the values started from (recorded in experiment.json); {@link #applyPreset} fills the fields. */
    private final StringProperty preset = new SimpleStringProperty(Preset.defaultPreset().key());
    private final StringProperty protocol = new SimpleStringProperty(EvaluationProtocol.defaultProtocol().key());
    private boolean settingPreset;
    private final ObservableList<String> presets = FXCollections.observableArrayList(Preset.keys());
    private final ObservableList<String> protocols = FXCollections.observableArrayList(
            java.util.Arrays.stream(EvaluationProtocol.values()).map(EvaluationProtocol::key).toList());
    private final ObservableList<String> methods = FXCollections.observableArrayList();
    /** One field per parameter of any method, by key; the view shows the chosen method's. */
    private final Map<String, ParamField<?>> params = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper configError = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid;

    public ExperimentFormViewModel() {
        for (ParamSpec<?> spec : MethodCatalog.allParams()) params.put(spec.key(), ParamField.of(spec));
        seeds.setText("1");
        List<FormField<?>> all = new ArrayList<>(fixedFields());
        params.values().forEach(p -> all.add(p.field()));
        List<Observable> deps = new ArrayList<>();
        for (FormField<?> f : all) deps.add(f.textProperty());
        deps.add(method);
        for (Observable o : deps) o.addListener(x -> checkRecords());
        List<Observable> validDeps = new ArrayList<>();
        for (FormField<?> f : all) validDeps.add(f.errorProperty());
        validDeps.add(configError);
        validDeps.add(method);
        valid = Bindings.createBooleanBinding(
                () -> fields().stream().allMatch(FormField::isValid) && configError.get().isEmpty(),
                validDeps.toArray(Observable[]::new));
        resetToDefaults();
    }

    /** The window's defaults: the method defaults with {@link Preset#windowDefault()}'s backbone and schedule. */
    public void resetToDefaults() {
        load(ExperimentConfig.defaults(""));
        applyPreset(Preset.windowDefault().key());
    }

    /** The fields that count now: the chosen method's parameters, then training, backbone and seed. */
    public List<FormField<?>> fields() {
        List<FormField<?>> f = new ArrayList<>();
        paramFields(method.get()).forEach(p -> f.add(p.field()));
        f.addAll(fixedFields());
        return f;
    }

    private List<FormField<?>> fixedFields() {
        return List.of(learningRateFirst, learningRate, learningRateRest, epochsFirst, epochs, epochsRest, patience,
                batchSizeFirst, batchSize, batchSizeRest, evalBatchSize, channels, kernelSize, dilations, seed, seeds);
    }

    /** The parameter fields of {@code method}, in its spec order; none for a name the catalog does not know. */
    public List<ParamField<?>> paramFields(String method) {
        if (!MethodCatalog.isKnown(method)) return List.of();
        return MethodCatalog.params(method).stream().<ParamField<?>>map(s -> params.get(s.key())).toList();
    }

    /** The field of one parameter, whichever method is chosen. */
    @SuppressWarnings("unchecked")
    public <T> FormField<T> param(ParamSpec<T> spec) {
        return (FormField<T>) params.get(spec.key()).field();
    }

    private void checkRecords() {
        if (!fields().stream().allMatch(FormField::isValid)) {
            configError.set("");
            return;
        }
        try {
            params();
            training();
            backbone();
            if (method.get() == null || method.get().isBlank()) throw new IllegalArgumentException("choose a method");
            configError.set("");
        } catch (IllegalArgumentException e) {
            configError.set(e.getMessage());
        }
    }

    private ParamValues params() {
        ParamValues p = ParamValues.none();
        for (ParamField<?> f : paramFields(method.get())) p = f.addTo(p);
        return p;
    }

    private TrainingConfig training() {
        return new TrainingConfig(new StageSchedule(epochsFirst.value(), batchSizeFirst.value(), learningRateFirst.value()),
                new StageSchedule(epochs.value(), batchSize.value(), learningRate.value()),
                new StageSchedule(epochsRest.value(), batchSizeRest.value(), learningRateRest.value()),
                patience.value(), evalBatchSize.value());
    }

    private BackboneConfig backbone() {
        return new BackboneConfig(channels.value(), kernelSize.value(), dilations.value());
    }

    /** The whole experiment; throws IllegalArgumentException (a user-facing message) when invalid. */
    public ExperimentConfig toConfig(String dataset, List<String> taskOrder, NoisyTaskSpec noisy) {
        for (FormField<?> f : fields()) {
            if (!f.isValid()) throw new IllegalArgumentException(f.errorProperty().get());
        }
        return new ExperimentConfig(dataset, taskOrder, noisy, method.get(), params(), backbone(), training(), seed.value(),
                preset.get(), EvaluationProtocol.fromKey(protocol.get()));
    }

    /** The seeds the Seeds field names, counted from the Seed field; only call when the form is valid. */
    /**
     * The next run's name and tags. A blank name stays blank: no run-info.json is written, the history
     * lists the run as "<method> <dataset> <time>" and exported files carry the run folder's name.
     */
    public org.teracon.workbench.experiment.RunInfo runInfo(ExperimentConfig cfg) {
        String name = runName.textProperty().get() == null ? "" : runName.textProperty().get().strip();
        return new org.teracon.workbench.experiment.RunInfo(name,
                org.teracon.workbench.experiment.RunInfo.parseTags(runTags.textProperty().get()), "");
    }

    public SeedList seedList() {
        return SeedList.parse(seeds.value(), seed.value());
    }

    /** Fills every field from a config (defaults or a loaded experiment.json). */
    public void load(ExperimentConfig cfg) {
        TrainingConfig tr = cfg.training();
        BackboneConfig b = cfg.backbone();
        if (!methods.isEmpty() && !methods.contains(cfg.method())) methods.add(cfg.method());
        method.set(cfg.method());
        params.values().forEach(p -> p.show(cfg.params()));
        show(tr, b);
        setPreset(cfg.preset());
        protocol.set(cfg.protocol().key());
        seed.setText(Long.toString(cfg.seed()));
        checkRecords();
    }

    /** Fills the training and backbone fields from a preset and records its name; the rest stays. */
    public void applyPreset(String key) {
        if (settingPreset) return; // the name changed because a file was loaded, not picked: keep its values
        Preset p = Preset.fromKey(key);
        show(p.training(), p.backbone());
        setPreset(p.key());
        checkRecords();
    }

    private void setPreset(String key) {
        settingPreset = true;
        try {
            preset.set(key);
        } finally {
            settingPreset = false;
        }
    }

    private void show(TrainingConfig tr, BackboneConfig b) {
        learningRateFirst.setText(num(tr.first().learningRate()));
        learningRate.setText(num(tr.second().learningRate()));
        learningRateRest.setText(num(tr.rest().learningRate()));
        epochsFirst.setText(Integer.toString(tr.first().epochs()));
        epochs.setText(Integer.toString(tr.second().epochs()));
        epochsRest.setText(Integer.toString(tr.rest().epochs()));
        patience.setText(Integer.toString(tr.patience()));
        batchSizeFirst.setText(Integer.toString(tr.first().batchSize()));
        batchSize.setText(Integer.toString(tr.second().batchSize()));
        batchSizeRest.setText(Integer.toString(tr.rest().batchSize()));
        evalBatchSize.setText(Integer.toString(tr.evalBatchSize()));
        channels.setText(Integer.toString(b.channels()));
        kernelSize.setText(Integer.toString(b.kernelSize()));
        dilations.setText(b.dilations().stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    public StringProperty presetProperty() {
        return preset;
    }

    public ObservableList<String> presets() {
        return presets;
    }

    public StringProperty protocolProperty() {
        return protocol;
    }

    public ObservableList<String> protocols() {
        return protocols;
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
