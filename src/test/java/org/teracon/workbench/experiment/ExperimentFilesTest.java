package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.baseline.ConureMethod;
import org.teracon.workbench.method.teracon.SamplingMode;
import org.teracon.workbench.method.teracon.TeraconSettings;
import org.teracon.workbench.model.BackboneConfig;

/** experiment.json: written under the spec keys, read back through the specs, hand edits checked strictly. */
class ExperimentFilesTest {

    static ExperimentConfig sample() {
        return ExperimentConfig.defaults("sample-datasets/synthetic").withMethod("conure").withSeed(7)
                .withTaskOrder(List.of("next_item", "taste_group"))
                .withNoisyTask(new NoisyTaskSpec(2, 0.5, 10))
                .withParam(ConureMethod.KEEP, 0.5).withParam(ConureMethod.RETRAIN_EPOCHS, 2)
                .withParam(TeraconSettings.SAMPLING, SamplingMode.ALL);
    }

    @Test
    void roundTripKeepsEveryValueUnderItsSpecKey(@TempDir Path dir) throws IOException {
        ExperimentConfig cfg = sample();
        Path file = dir.resolve("experiment.json");
        ExperimentFiles.write(cfg, file);
        assertEquals(cfg, ExperimentFiles.read(file));
        JsonNode params = Json.MAPPER.readTree(file.toFile()).get("params");
        assertEquals(0.5, params.get("conure.keep").doubleValue());
        assertTrue(params.get("conure.retrainEpochs").isInt(), "an integer spec is written as an integer: " + params);
        assertEquals("ALL", params.get("teracon.sampling").asText());
    }

    @Test
    void filesSavedBeforeTheSpecsStillLoad(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("experiment.json");
        Files.writeString(file, """
                {"dataset":"d","taskOrder":[],"noisyTask":null,"method":"conure",
                 "teracon":{"sMax":25.0,"annealS":true,"alpha":0.7,"c":6.0,"relationAware":false,"knowledgeRetention":true,
                            "sampling":"FIXED","rhoMin":0.2,"rhoInitial":0.9},
                 "methodParams":{"conure.keep":0.5,"conure.retrainEpochs":2.0},
                 "backbone":{"channels":8,"kernelSize":3,"dilations":[1]},
                 "training":{"epochsFirst":1,"epochs":1,"patience":1,"batchSizeFirst":32,"batchSize":32,
                             "learningRateFirst":0.001,"learningRate":0.001,"evalBatchSize":256},
                 "seed":3}""");
        ExperimentConfig cfg = ExperimentFiles.read(file);
        assertEquals(new TeraconSettings(25, true, 0.7, 6, false, true, SamplingMode.FIXED, 0.2, 0.9), cfg.teracon());
        assertEquals(0.5, cfg.params().get(ConureMethod.KEEP));
        assertEquals(2, cfg.params().get(ConureMethod.RETRAIN_EPOCHS));
        assertEquals(new BackboneConfig(8, 3, List.of(1)), cfg.backbone());
    }

    @Test
    void unknownKeysFractionsInWholeNumbersAndRepeatedKeysAreRefused(@TempDir Path dir) throws IOException {
        String good = Json.write(sample());
        assertEquals(sample(), read(dir, good));
        assertRefused(dir, good.replace("\"conure.keep\"", "\"conure.kep\""), "unknown parameter 'conure.kep' for conure");
        assertRefused(dir, good.replace("\"conure.retrainEpochs\" : 2", "\"conure.retrainEpochs\" : 1.7"), "conure.retrainEpochs");
        assertRefused(dir, good.replace("\"conure.keep\" : 0.5", "\"conure.keep\" : 1.5"), "(0, 1]");
        int epochs = TrainingConfig.defaults().epochs();
        assertRefused(dir, good.replace("\"epochs\" : " + epochs, "\"epochs\" : 1.7"), "epochs");
        assertRefused(dir, good.replace("\"seed\" : 7", "\"seed\" : 7, \"seed\" : 8"), "seed");
        assertRefused(dir, good.replace("\"seed\" : 7", "\"seed\" : null"), "seed");
    }

    private static ExperimentConfig read(Path dir, String json) throws IOException {
        Path file = Files.writeString(dir.resolve("edited.json"), json);
        return ExperimentFiles.read(file);
    }

    private static void assertRefused(Path dir, String json, String expected) throws IOException {
        assertTrue(!json.equals(Json.write(sample())), "the edit applies");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> read(dir, json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
