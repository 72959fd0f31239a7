package org.teracon.workbench.experiment;

import org.nd4j.linalg.factory.Nd4j;

/** Which ND4J backend executes the graphs (the CPU build by default, CUDA with -Pcuda). */
public final class Backend {
    private Backend() {
    }

    public static String describe() {
        String cls = Nd4j.getBackend().getClass().getSimpleName();
        boolean cuda = cls.toLowerCase().contains("cuda") || cls.toLowerCase().contains("jcublas");
        return cuda ? "CUDA (nd4j-cuda, " + cls + ")" : "CPU (nd4j-native, " + Runtime.getRuntime().availableProcessors() + " cores)";
    }
}
