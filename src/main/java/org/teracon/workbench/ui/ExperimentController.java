package org.teracon.workbench.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.util.converter.BooleanStringConverter;
import org.teracon.workbench.ui.vm.ExperimentFormViewModel;
import org.teracon.workbench.ui.vm.FormField;
import org.teracon.workbench.ui.vm.ParamField;
import org.teracon.workbench.ui.vm.TaskOrderItem;
import org.teracon.workbench.ui.vm.TaskOrderViewModel;

/**
 * Binds the task order list and the hyperparameter form to their view models. The method-parameter rows
 * are made from the view model's {@link ParamField}s, so a new spec appears here without code.
 */
public final class ExperimentController {
    private final WorkbenchContext ctx;
    @FXML private ListView<TaskOrderItem> taskList;
    @FXML private Button moveUpButton;
    @FXML private Button moveDownButton;
    @FXML private Spinner<Integer> noisyPosition;
    @FXML private TextField noisyFraction;
    @FXML private TextField noisyClasses;
    @FXML private Button removeNoisyButton;
    @FXML private Label orderMessage;
    @FXML private ComboBox<String> methodBox;
    @FXML private GridPane formGrid;
    @FXML private Label configError;
    private final List<IntConsumer> fixedRows = new ArrayList<>();
    private final Map<String, IntConsumer> paramRows = new HashMap<>();

    public ExperimentController(WorkbenchContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        TaskOrderViewModel order = ctx.taskOrder;
        taskList.setId("taskOrderList");
        taskList.setItems(order.items());
        taskList.setCellFactory(l -> new TaskOrderCell(order));
        var selected = taskList.getSelectionModel().selectedIndexProperty();
        moveUpButton.disableProperty().bind(selected.lessThan(2));
        moveDownButton.disableProperty().bind(selected.lessThan(1).or(selected.greaterThanOrEqualTo(
                javafx.beans.binding.Bindings.size(order.items()).subtract(1))));
        SpinnerValueFactory.IntegerSpinnerValueFactory pos = new SpinnerValueFactory.IntegerSpinnerValueFactory(2, 99, 2);
        noisyPosition.setValueFactory(pos);
        // The factory rewrites max itself when min changes, so it cannot be bound: follow the list instead.
        order.items().addListener((javafx.collections.ListChangeListener<TaskOrderItem>) ch -> pos.setMax(Math.max(2, order.items().size() + 1)));
        noisyPosition.setId("noisyPosition");
        pos.valueProperty().addListener((o, was, now) -> {
            if (now != null) order.noisyPositionProperty().set(now);
        });
        order.noisyPositionProperty().addListener((o, was, now) -> pos.setValue(now.intValue()));
        noisyFraction.setId("noisyFraction");
        noisyClasses.setId("noisyClasses");
        noisyFraction.textProperty().bindBidirectional(order.noisyFractionProperty());
        noisyClasses.textProperty().bindBidirectional(order.noisyClassesProperty());
        removeNoisyButton.disableProperty().bind(order.hasNoisyProperty().not());
        orderMessage.textProperty().bind(order.messageProperty());

        ExperimentFormViewModel form = ctx.form;
        methodBox.setId("methodBox");
        methodBox.setItems(form.methods());
        methodBox.valueProperty().bindBidirectional(form.methodProperty());
        configError.textProperty().bind(form.configErrorProperty());
        buildForm(form);
    }

    private void buildForm(ExperimentFormViewModel f) {
        fixedRows.add(section("Preset and evaluation"));
        fixedRows.add(choice("presetBox", f.presets(), f.presetProperty(), "Preset",
                "Fills the training and backbone fields: cpu (the default, small) or reference (the reference code's values)",
                f::applyPreset));
        fixedRows.add(choice("protocolBox", f.protocols(), f.protocolProperty(), "Protocol",
                "robust: T1 on each user's last 5 items; paper: T1 on the last item, tasks with more than 20 classes by MRR@5",
                null));
        fixedRows.add(section("Run"));
        fixedRows.add(field(f.runName, "runNameField", "The run's name in the history and the run views; blank = method, dataset and time", "Run name", false));
        fixedRows.add(field(f.runTags, "runTagsField", "Comma-separated tags, e.g. baseline, ablation", "Tags", false));
        fixedRows.add(section("Training"));
        fixedRows.add(field(f.learningRateFirst, "lrFirstField", "Adam learning rate for T1", "T1 learnin_g rate"));
        fixedRows.add(field(f.learningRate, "lrField", "Adam learning rate for T2", "T2 _learning rate"));
        fixedRows.add(field(f.learningRateRest, "lrRestField", "Adam learning rate for T3 and later", "T3+ learning rate", false));
        fixedRows.add(field(f.epochsFirst, "epochsFirstField", "Maximum epochs for T1", "T1 _epochs"));
        fixedRows.add(field(f.epochs, "epochsField", "Maximum epochs for T2", "T2 epoc_hs"));
        fixedRows.add(field(f.epochsRest, "epochsRestField", "Maximum epochs for T3 and later", "T3+ epochs", false));
        fixedRows.add(field(f.patience, "patienceField", "Stop after this many epochs without a better validation score", "Pa_tience"));
        fixedRows.add(field(f.batchSizeFirst, "batchFirstField", "Batch size for T1", "T1 _batch size"));
        fixedRows.add(field(f.batchSize, "batchField", "Batch size for T2", "T2 batch si_ze"));
        fixedRows.add(field(f.batchSizeRest, "batchRestField", "Batch size for T3 and later", "T3+ batch size", false));
        fixedRows.add(field(f.evalBatchSize, "evalBatchField", "Batch size for evaluation", "E_val batch size"));
        fixedRows.add(section("Backbone (NextItNet)"));
        fixedRows.add(field(f.channels, "channelsField", "Embedding size = convolution channels", "C_hannels"));
        fixedRows.add(field(f.kernelSize, "kernelField", "Convolution kernel width", "_Kernel size"));
        fixedRows.add(field(f.dilations, "dilationsField", "One residual block per value, e.g. 1,4,1,4", "_Dilations"));
        fixedRows.add(section("Reproducibility"));
        fixedRows.add(field(f.seed, "seedField", "Seed for data splits, initialisation and sampling", "See_d"));
        fixedRows.add(field(f.seeds, "seedsField", "1 = one run; N = a group of N seeds from Seed on; 1,2,3 = these seeds. "
                + "A group runs every seed in turn and shows mean ± std (n)", "Seeds (count or list)", false));
        layOut(f, f.methodProperty().get());
        f.methodProperty().addListener((o, was, now) -> layOut(f, now));
    }

    /** The chosen method's parameter rows first (made once per spec, kept across switches), then the fixed rows. */
    private void layOut(ExperimentFormViewModel f, String method) {
        formGrid.getChildren().clear();
        int row = 0;
        List<ParamField<?>> shown = f.paramFields(method);
        if (!shown.isEmpty()) section(method + " parameters").accept(row++);
        for (ParamField<?> p : shown) paramRows.computeIfAbsent(p.spec().key(), k -> paramRow(p)).accept(row++);
        for (IntConsumer r : fixedRows) r.accept(row++);
    }

    private IntConsumer paramRow(ParamField<?> p) {
        return switch (p.spec().kind()) {
            // spec labels are plain text ("s (s_max)"): an underscore there is not a mnemonic
            case DOUBLE, INT -> field(p.field(), p.id(), p.tooltip(), p.spec().label(), false);
            case BOOLEAN -> {
                CheckBox b = new CheckBox(p.spec().label());
                b.setId(p.id());
                b.setMnemonicParsing(false);
                b.setTooltip(new Tooltip(p.tooltip()));
                // The check box spans the field and error columns; without this the grid cuts its label short.
                b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                b.setSelected(Boolean.parseBoolean(p.field().textProperty().get()));
                Bindings.bindBidirectional(p.field().textProperty(), b.selectedProperty(), new BooleanStringConverter());
                yield r -> formGrid.add(b, 1, r, 2, 1);
            }
            case ENUM -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(p.spec().allowed());
                box.valueProperty().bindBidirectional(p.field().textProperty());
                box.setId(p.id());
                box.setTooltip(new Tooltip(p.tooltip()));
                yield row(p.spec().label(), box, new Label(), false);
            }
        };
    }

    /** A combo box bound to a string property; {@code onPick} (may be null) runs when the user picks a value. */
    private IntConsumer choice(String id, javafx.collections.ObservableList<String> items, javafx.beans.property.StringProperty value,
                               String label, String help, java.util.function.Consumer<String> onPick) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setTooltip(new Tooltip(help));
        box.valueProperty().bindBidirectional(value);
        if (onPick != null) box.setOnAction(e -> {
            if (box.getValue() != null) onPick.accept(box.getValue());
        });
        return row(label, box, new Label(), false);
    }

    private IntConsumer section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("form-section");
        return r -> formGrid.add(l, 0, r, 3, 1);
    }

    private IntConsumer field(FormField<?> field, String id, String help, String label) {
        return field(field, id, help, label, true);
    }

    private IntConsumer field(FormField<?> field, String id, String help, String label, boolean mnemonic) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(10);
        t.textProperty().bindBidirectional(field.textProperty());
        t.setTooltip(new Tooltip(help));
        Label error = new Label();
        error.setId(id + "Error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(field.errorProperty());
        field.errorProperty().addListener((o, was, now) -> t.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("invalid"), !now.isEmpty()));
        t.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), !field.errorProperty().get().isEmpty());
        return row(label, t, error, mnemonic);
    }

    private IntConsumer row(String label, Node control, Label error, boolean mnemonic) {
        Label l = new Label(label);
        l.setMnemonicParsing(mnemonic);
        l.setLabelFor(control);
        return r -> formGrid.addRow(r, l, control, error);
    }

    @FXML
    private void moveUp() {
        int i = taskList.getSelectionModel().getSelectedIndex();
        if (ctx.taskOrder.move(i, i - 1)) taskList.getSelectionModel().select(i - 1);
    }

    @FXML
    private void moveDown() {
        int i = taskList.getSelectionModel().getSelectedIndex();
        if (ctx.taskOrder.move(i, i + 1)) taskList.getSelectionModel().select(i + 1);
    }

    @FXML
    private void insertNoisy() {
        ctx.taskOrder.insertNoisy();
    }

    @FXML
    private void removeNoisy() {
        ctx.taskOrder.removeNoisy();
    }

    @FXML
    private void loadExperiment() {
        ExperimentActions.load(ctx);
    }

    @FXML
    private void saveExperiment() {
        ExperimentActions.save(ctx);
    }

    @FXML
    private void resetDefaults() {
        ctx.form.resetToDefaults();
        List<String> methods = ctx.form.methods();
        if (!methods.isEmpty() && !methods.contains(ctx.form.methodProperty().get())) ctx.form.methodProperty().set(methods.get(0));
    }
}
