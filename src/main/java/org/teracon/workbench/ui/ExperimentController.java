package org.teracon.workbench.ui;

import java.util.List;
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
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.method.teracon.SamplingMode;
import org.teracon.workbench.ui.vm.ExperimentFormViewModel;
import org.teracon.workbench.ui.vm.FormField;
import org.teracon.workbench.ui.vm.TaskOrderItem;
import org.teracon.workbench.ui.vm.TaskOrderViewModel;

/** Binds the task order list and the hyperparameter form to their view models. */
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
    private int row;

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
        section("TERACON");
        field(f.sMax, "sMaxField", "Mask scale s (s_max); annealed within each epoch when enabled", "_s (s_max)");
        field(f.alpha, "alphaField", "Weight of the knowledge-retention loss", "_alpha");
        field(f.c, "cField", "Sharpness c of the sampling-rate equation", "_c");
        ComboBox<SamplingMode> sampling = new ComboBox<>();
        sampling.getItems().setAll(SamplingMode.values());
        sampling.valueProperty().bindBidirectional(f.samplingProperty());
        sampling.setId("samplingBox");
        control("Sam_pling mode", sampling, "EQUATION: rho from mask relations; FIXED: rho_min; ALL: every user");
        field(f.rhoMin, "rhoMinField", "Sampling rate for FIXED mode, in (0, 1]", "rho _min");
        field(f.rhoInitial, "rhoInitialField", "Sampling rate before the first update, in (0, 1]", "rho _initial");
        check("Relation-a_ware masks", f.relationAwareProperty(), "relationAwareBox");
        check("_Knowledge retention", f.knowledgeRetentionProperty(), "knowledgeRetentionBox");
        check("A_nneal s within each epoch", f.annealSProperty(), "annealBox");
        section("Training");
        field(f.learningRateFirst, "lrFirstField", "Adam learning rate for T1", "T1 learnin_g rate");
        field(f.learningRate, "lrField", "Adam learning rate for tasks after T1", "_Learning rate");
        field(f.epochsFirst, "epochsFirstField", "Epochs for T1", "T1 _epochs");
        field(f.epochs, "epochsField", "Maximum epochs for later tasks", "Epoc_hs");
        field(f.patience, "patienceField", "Stop after this many epochs without a better validation score", "Pa_tience");
        field(f.batchSizeFirst, "batchFirstField", "Batch size for T1", "T1 _batch size");
        field(f.batchSize, "batchField", "Batch size for later tasks", "Batch si_ze");
        field(f.evalBatchSize, "evalBatchField", "Batch size for evaluation", "E_val batch size");
        section("Backbone (NextItNet)");
        field(f.channels, "channelsField", "Embedding size = convolution channels", "C_hannels");
        field(f.kernelSize, "kernelField", "Convolution kernel width", "_Kernel size");
        field(f.dilations, "dilationsField", "One residual block per value, e.g. 1,4,1,4", "_Dilations");
        section("Reproducibility");
        field(f.seed, "seedField", "Seed for data splits, initialisation and sampling", "See_d");
    }

    private void section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("form-section");
        formGrid.add(l, 0, row++, 3, 1);
    }

    private void field(FormField<?> field, String id, String help, String label) {
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
        addRow(label, t, error);
    }

    private void control(String label, Node control, String help) {
        if (control instanceof javafx.scene.control.Control c) c.setTooltip(new Tooltip(help));
        addRow(label, control, new Label());
    }

    private void check(String label, javafx.beans.property.BooleanProperty p, String id) {
        CheckBox b = new CheckBox(label);
        b.setMnemonicParsing(true);
        b.setId(id);
        // The check box spans the field and error columns; without this the grid cuts its label short.
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.selectedProperty().bindBidirectional(p);
        formGrid.add(b, 1, row++, 2, 1);
    }

    private void addRow(String label, Node control, Label error) {
        Label l = new Label(label);
        l.setMnemonicParsing(true);
        l.setLabelFor(control);
        formGrid.addRow(row++, l, control, error);
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
        ctx.form.load(ExperimentConfig.defaults(""));
        List<String> methods = ctx.form.methods();
        if (!methods.isEmpty() && !methods.contains(ctx.form.methodProperty().get())) ctx.form.methodProperty().set(methods.get(0));
    }
}
