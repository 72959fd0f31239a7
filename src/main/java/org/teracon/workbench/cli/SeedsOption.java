package org.teracon.workbench.cli;

import org.teracon.workbench.experiment.SeedList;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --seeds}: a count from the experiment's seed, or a list; checked before anything trains. */
public class SeedsOption {
    @Option(names = "--seeds", paramLabel = "N|s1,s2,..",
            description = "a seed group: N seeds from --seed on (seed, seed+1, ...) or a list 1,2,3; one run folder per seed "
                    + "under <out>/seed-<s>/ and every table as mean ± std (n) over the seeds (sample std, n-1). "
                    + "Default: one seed, no group")
    String seeds;
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    SeedList resolve(long base) {
        if (seeds == null) return SeedList.single(base);
        try {
            return SeedList.parse(seeds, base);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), "--seeds: " + e.getMessage());
        }
    }
}
