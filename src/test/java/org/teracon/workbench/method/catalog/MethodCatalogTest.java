package org.teracon.workbench.method.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teracon.workbench.method.baseline.ConureMethod;
import org.teracon.workbench.method.baseline.HatMethod;
import org.teracon.workbench.method.baseline.PeterRecMethod;
import org.teracon.workbench.method.params.ParamException;
import org.teracon.workbench.method.params.ParamSpec;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.method.teracon.SamplingMode;
import org.teracon.workbench.method.teracon.Teracon;
import org.teracon.workbench.method.teracon.TeraconSettings;
import org.teracon.workbench.model.BackboneConfig;

/** Which parameters each method takes, and how unknown keys and bad values are refused. */
class MethodCatalogTest {

    @Test
    void everyMethodListsItsParameters() {
        assertEquals(List.of("teracon", "teracon-plain", "teracon-nokr", "teracon-rhomin", "teracon-all", "sinmo", "sinmoall",
                "finesmax", "fineall", "conure", "peterrec", "hat", "piggyback", "mtl"), MethodCatalog.names());
        assertEquals(TeraconSettings.SPECS, MethodCatalog.params("teracon"));
        assertEquals(List.of("conure.keep", "conure.retrainEpochs", "conure.itemLoss"), MethodCatalog.params("conure").stream().map(ParamSpec::key).toList());
        assertEquals(List.of("hat.sMax", "hat.lambda", "hat.lr", "hat.lrMin", "hat.lrFactor", "hat.lrPatience"), MethodCatalog.params("HAT").stream().map(ParamSpec::key).toList());
        assertTrue(MethodCatalog.params("sinmo").isEmpty());
        assertFalse(MethodCatalog.params("teracon-plain").contains(TeraconSettings.RELATION_AWARE), "the ablation fixes it itself");
        assertEquals(MethodCatalog.allParams().size(), MethodCatalog.allParams().stream().map(ParamSpec::key).distinct().count());
    }

    @Test
    void defaultsAreThePapersValues() {
        TeraconSettings t = TeraconSettings.fromParams(ParamValues.none());
        assertEquals(new TeraconSettings(50, true, 0.7, 6, true, true, SamplingMode.EQUATION, 0.1, 0.9), t);
        assertEquals(0.3, ParamValues.none().get(ConureMethod.KEEP));
        assertEquals(4, ParamValues.none().get(PeterRecMethod.REDUCTION));
        assertEquals(400.0, ParamValues.none().get(HatMethod.S_MAX));
        assertEquals(ParamValues.none(), t.writeTo(ParamValues.none()), "defaults are left implicit");
        TeraconSettings changed = t.withSampling(SamplingMode.ALL);
        assertEquals(changed, TeraconSettings.fromParams(changed.writeTo(ParamValues.none())));
        assertEquals(ParamValues.none(), t.writeTo(changed.writeTo(ParamValues.none())), "writing defaults back resets a value");
    }

    @Test
    void anUnknownKeyIsRefusedWithTheKeysTheMethodTakes() {
        ParamException e = assertThrows(ParamException.class, () -> MethodCatalog.parse(ParamValues.none(), List.of("conure"), "conure.kep", "0.5"));
        assertEquals("unknown parameter 'conure.kep' for conure; valid keys: conure.keep, conure.retrainEpochs, conure.itemLoss", e.getMessage());
        ParamException other = assertThrows(ParamException.class, () -> MethodCatalog.parse(ParamValues.none(), List.of("conure"), "hat.lambda", "1"));
        assertTrue(other.getMessage().contains("for conure"), "another method's key is no key of this run: " + other.getMessage());
        ParamException none = assertThrows(ParamException.class, () -> MethodCatalog.parse(ParamValues.none(), List.of("sinmo"), "x", "1"));
        assertEquals("unknown parameter 'x': sinmo takes no parameters", none.getMessage());
        ParamValues both = MethodCatalog.parse(ParamValues.none(), List.of("conure", "hat"), "hat.lambda", "1");
        assertEquals(1.0, both.get(HatMethod.LAMBDA), "a comparison takes every compared method's keys");
    }

    @Test
    void aBadValueIsRefusedWithKeyValueAndRange() {
        ParamException e = assertThrows(ParamException.class, () -> MethodCatalog.parse(ParamValues.none(), List.of("conure"), "conure.retrainEpochs", "1.7"));
        assertTrue(e.getMessage().contains("conure.retrainEpochs") && e.getMessage().contains("'1.7'")
                && e.getMessage().contains("a whole number in [0, ∞)"), e.getMessage());
    }

    @Test
    void jsonHoldsEveryParameterOfTheMethodAndReadsBackThroughTheSpecs() {
        ParamValues p = ParamValues.none().with(TeraconSettings.ALPHA, 0.3).with(ConureMethod.KEEP, 0.5);
        Map<String, Object> json = MethodCatalog.toJson(p, "teracon");
        assertEquals(50.0, json.get("teracon.sMax"), "defaults are written out: the file documents the run");
        assertEquals("EQUATION", json.get("teracon.sampling"));
        assertEquals(0.5, json.get("conure.keep"), "a value set for another method is kept");
        assertEquals(p, MethodCatalog.fromJson(json, "teracon"));
        ParamException unknown = assertThrows(ParamException.class, () -> MethodCatalog.fromJson(Map.of("teracon.smax", 1.0), "teracon"));
        assertTrue(unknown.getMessage().startsWith("unknown parameter 'teracon.smax' for teracon; valid keys: teracon.sMax"), unknown.getMessage());
        assertThrows(ParamException.class, () -> MethodCatalog.fromJson(Map.of("peterrec.reduction", 1.7), "peterrec"));
    }

    @Test
    void methodsAreBuiltFromTheirValues() {
        BackboneConfig b = BackboneConfig.defaults();
        assertInstanceOf(Teracon.class, MethodCatalog.create("teracon-all", b, ParamValues.none()));
        assertInstanceOf(ConureMethod.class, MethodCatalog.create("conure", b, ParamValues.none().with(ConureMethod.KEEP, 0.5)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MethodCatalog.create("nope", b, ParamValues.none()));
        assertTrue(e.getMessage().contains("unknown method 'nope'"));
    }
}
