package org.teracon.workbench.method;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.model.EmbeddingLookup;
import org.teracon.workbench.model.GraphVariables;
import org.teracon.workbench.model.LayerHooks;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.TcnBackbone;

/** An inference graph for one task, over the live parameter arrays (so it sees every update). */
public final class PredictionGraph {
    public static final String INPUT = "x";
    public static final String SHARPNESS = "s";
    private static final String OUTPUT = "prediction";

    /** Builds the method's layer hooks inside a graph; {@code s} is the mask sharpness placeholder. */
    @FunctionalInterface
    public interface HookFactory {
        LayerHooks create(GraphVariables vars, SDVariable s);
    }

    private final SameDiff sd;
    private final Network network;
    private final double sharpness;

    public PredictionGraph(Network network, TaskData task, HookFactory hooks, double sharpness) {
        this.network = network;
        this.sharpness = sharpness;
        this.sd = SameDiff.create();
        GraphVariables v = new GraphVariables(sd, network.params());
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, network.config().channels(), network.sequenceLength());
        SDVariable s = sd.placeHolder(SHARPNESS, DataType.FLOAT);
        network.predictionLogits(v, x, task.kind(), task.stage(), hooks.create(v, s)).rename(OUTPUT);
    }

    public INDArray predict(int[][] sequences) {
        Map<String, INDArray> ph = new HashMap<>();
        ph.put(INPUT, EmbeddingLookup.embed(network.params().get(TcnBackbone.EMBEDDING), sequences));
        ph.put(SHARPNESS, Nd4j.scalar((float) sharpness));
        return sd.output(ph, OUTPUT).get(OUTPUT);
    }
}
