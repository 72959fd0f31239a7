package org.teracon.workbench.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinMoReferenceTest {

    @Test
    void cachedOnlyGivesFwtOnceASinMoRunOfTheSameSettingExists(@TempDir Path dir) {
        SinMoReference cache = SinMoReference.cachedOnly(dir.resolve(".sinmo-reference"));
        ExperimentConfig teracon = RunLifecycleTest.tiny("teracon");
        RunResult before = new ExperimentRunner(cache).run(teracon, RunLifecycleTest.SAMPLE, dir.resolve("a"), e -> { }, new CancellationToken());
        assertTrue(before.transfer().stream().allMatch(r -> Double.isNaN(r.fwt())), "no SinMo run yet: FWT undefined, nothing trained");

        RunResult sinmo = new ExperimentRunner(cache).run(teracon.withMethod("sinmo"), RunLifecycleTest.SAMPLE, dir.resolve("s"), e -> { }, new CancellationToken());
        RunResult after = new ExperimentRunner(cache).run(teracon, RunLifecycleTest.SAMPLE, dir.resolve("b"), e -> { }, new CancellationToken());
        for (int i = 0; i < after.transfer().size(); i++) {
            var row = after.transfer().get(i);
            assertEquals(sinmo.matrix().get(i, i), row.reference(), 0.0, "reference = SinMo's R(Ti,Ti)");
            if (i == 0) assertTrue(Double.isNaN(row.fwt()), "T1's FWT is undefined, as in the paper");
            else assertEquals(TransferScores.fwt(row.learned(), row.reference()), row.fwt(), 1e-12);
        }
    }
}
