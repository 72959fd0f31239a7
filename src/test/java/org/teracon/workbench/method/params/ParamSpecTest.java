package org.teracon.workbench.method.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a spec accepts and refuses, and the words a user reads when it refuses. */
class ParamSpecTest {
    enum Mode { EQUATION, FIXED, ALL }

    static final ParamSpec<Double> SHARE = ParamSpec.real("demo.share", 0.3, Range.aboveUpTo(0, 1), "share", "a share");
    static final ParamSpec<Integer> EPOCHS = ParamSpec.integer("demo.epochs", 1, Range.atLeast(1), "epochs", "whole epochs");
    static final ParamSpec<Boolean> ON = ParamSpec.bool("demo.on", true, "on", "a switch");
    static final ParamSpec<Mode> MODE = ParamSpec.choice("demo.mode", Mode.class, Mode.EQUATION, "mode", "a choice");

    @Test
    void rangesSayWhatTheyIncludeAndKeepInfinityAndNaNOut() {
        Range r = Range.aboveUpTo(0, 1);
        assertFalse(r.contains(0));
        assertTrue(r.contains(1));
        assertFalse(r.contains(Double.NaN));
        assertEquals("(0, 1]", r.toString());
        assertEquals("[1, ∞)", Range.atLeast(1).toString());
        assertFalse(Range.atLeast(1).contains(Double.POSITIVE_INFINITY));
        assertFalse(Range.ANY.contains(Double.NEGATIVE_INFINITY));
        assertTrue(Range.ANY.contains(-3.5));
    }

    @Test
    void parseReadsEachKindAndChecksTheRange() {
        assertEquals(0.5, SHARE.parse(" 0.5 "));
        assertEquals(3, EPOCHS.parse("3"));
        assertEquals(false, ON.parse("FALSE"));
        assertEquals(Mode.FIXED, MODE.parse("fixed"), "enum names are case-insensitive");
        ParamException out = assertThrows(ParamException.class, () -> SHARE.parse("1.5"));
        assertEquals("invalid value '1.5' for demo.share: expected a number in (0, 1]", out.getMessage());
        assertEquals("expected a number in (0, 1]", out.reason());
        assertTrue(assertThrows(ParamException.class, () -> SHARE.parse("abc")).getMessage().contains("not a number"));
        assertThrows(ParamException.class, () -> SHARE.parse("NaN"));
        assertThrows(ParamException.class, () -> ON.parse("yes"), "only true or false, not Boolean.parseBoolean's anything-else-is-false");
        ParamException mode = assertThrows(ParamException.class, () -> MODE.parse("sometimes"));
        assertTrue(mode.getMessage().contains("one of EQUATION, FIXED, ALL"), mode.getMessage());
    }

    @Test
    void anIntegerSpecRefusesFractionsInsteadOfTruncating() {
        ParamException typed = assertThrows(ParamException.class, () -> EPOCHS.parse("1.7"));
        assertEquals("invalid value '1.7' for demo.epochs: not a whole number; expected a whole number in [1, ∞)", typed.getMessage());
        assertThrows(ParamException.class, () -> EPOCHS.fromJson(1.7));
        assertThrows(ParamException.class, () -> EPOCHS.fromJson(0), "below the range");
        assertEquals(2, EPOCHS.fromJson(2));
        assertEquals(2, EPOCHS.fromJson(2.0), "files written before the specs held every number as a double");
    }

    @Test
    void jsonValuesMustHaveTheSpecsType() {
        assertEquals(0.25, SHARE.fromJson(0.25));
        assertEquals(1.0, SHARE.fromJson(1), "a whole number is a fine double");
        assertThrows(ParamException.class, () -> SHARE.fromJson("0.25"));
        assertThrows(ParamException.class, () -> ON.fromJson("true"));
        assertEquals(Mode.ALL, MODE.fromJson("ALL"));
        assertEquals("ALL", MODE.toJson(Mode.ALL));
        assertThrows(ParamException.class, () -> MODE.fromJson(2));
    }

    @Test
    void formatWritesValuesAsAUserTypesThem() {
        assertEquals("50", ParamSpec.real("demo.s", 50, Range.atLeast(1), null, null).format(50.0));
        assertEquals("0.7", SHARE.format(0.7));
        assertEquals("EQUATION", MODE.format(Mode.EQUATION));
        assertEquals(List.of("EQUATION", "FIXED", "ALL"), MODE.allowed());
    }

    @Test
    void aSpecRefusesADefaultItWouldNotAccept() {
        assertThrows(IllegalArgumentException.class, () -> ParamSpec.real("demo.bad", 0, Range.above(0), null, null));
        assertThrows(IllegalArgumentException.class, () -> ParamSpec.real("Not A Key", 1, Range.ANY, null, null));
        assertThrows(IllegalArgumentException.class, () -> SHARE.withCliFlag("share"));
    }

    @Test
    void valuesKeepOnlyWhatDiffersFromTheDefault() {
        ParamValues none = ParamValues.none();
        assertEquals(0.3, none.get(SHARE));
        ParamValues set = none.with(SHARE, 0.5).with(MODE, Mode.ALL);
        assertEquals(0.5, set.get(SHARE));
        assertEquals(Mode.ALL, set.get(MODE));
        assertEquals(none, none.with(SHARE, 0.3), "a default written out equals a default left implicit");
        assertEquals(none, set.with(SHARE, 0.3).with(MODE, Mode.EQUATION));
        assertNotEquals(none, set);
        assertThrows(ParamException.class, () -> none.with(SHARE, 2.0));
        assertEquals(set, none.with(MODE, Mode.ALL).withAll(none.with(SHARE, 0.5)));
        assertEquals("{demo.share=0.5, demo.mode=ALL}", set.toString());
    }
}
