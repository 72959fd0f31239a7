package org.teracon.workbench.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.experiment.ExperimentConfig;
import org.teracon.workbench.experiment.Preset;
import org.teracon.workbench.method.EvaluationProtocol;
import org.teracon.workbench.method.StageSchedule;
import org.teracon.workbench.ui.vm.ExperimentFormViewModel;

class ExperimentFormPresetTest {

    @Test
    void pickingAPresetFillsTheFieldsAndEditsOverrideIt() {
        ExperimentFormViewModel f = new ExperimentFormViewModel();
        assertEquals("sample", f.presetProperty().get(), "the window opens on the bundled sample, with its preset");
        assertEquals("0.0035", f.learningRate.textProperty().get());
        assertEquals("256", f.channels.textProperty().get(), "the reference backbone: a run on the sample stays within minutes");
        assertEquals("1,4,1,4,1,4,1,4", f.dilations.textProperty().get());
        assertEquals("robust", f.protocolProperty().get());
        assertEquals(List.of("cpu", "sample", "cpu-reference", "reference"), f.presets());
        f.applyPreset("cpu");
        assertEquals("64", f.channels.textProperty().get());
        f.applyPreset("reference");
        assertEquals("256", f.channels.textProperty().get());
        assertEquals("1,4,1,4,1,4,1,4", f.dilations.textProperty().get());
        assertEquals("1.0E-4", f.learningRateRest.textProperty().get());
        f.epochsRest.setText("3");
        f.protocolProperty().set("paper");
        ExperimentConfig cfg = f.toConfig("d", List.of(), null);
        assertEquals("reference", cfg.preset());
        assertEquals(EvaluationProtocol.PAPER, cfg.protocol());
        assertEquals(new StageSchedule(100, 1024, 1e-3), cfg.training().second());
        assertEquals(new StageSchedule(3, 1024, 1e-4), cfg.training().rest());
    }

    @Test
    void loadingAFileKeepsItsValuesUnderItsPresetsName() {
        ExperimentFormViewModel f = new ExperimentFormViewModel();
        ExperimentConfig saved = ExperimentConfig.defaults("d").withPreset(Preset.REFERENCE).withProtocol(EvaluationProtocol.PAPER)
                .withTraining(Preset.REFERENCE.training().withFirst(new StageSchedule(2, 16, 5e-3)));
        // as the preset box does when its value changes: loading a file changes it, and must not re-apply the preset
        f.presetProperty().addListener((o, was, now) -> f.applyPreset(now));
        f.load(saved);
        assertEquals("reference", f.presetProperty().get());
        assertEquals("paper", f.protocolProperty().get());
        assertEquals("2", f.epochsFirst.textProperty().get(), "the file's T1 epochs, not the preset's");
        assertEquals(saved, f.toConfig("d", List.of(), null));
    }
}
