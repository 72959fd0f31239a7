package org.teracon.workbench.method;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.model.AdamOptimizer;
import org.teracon.workbench.model.EmbeddingLookup;
import org.teracon.workbench.model.ParameterStore;
import org.teracon.workbench.model.TcnBackbone;

/**
 * One optimiser step over a training graph: gradients of the trainable variables and of the embedded
 * inputs, the embedding gradient scattered back into its rows, an optional per-method edit of the
 * gradients, then Adam in place.
 */
public final class GraphStep {

    /** A method's edit of the raw gradients before the update (CONURE masks, HAT compensation). */
    @FunctionalInterface
    public interface GradientEditor {
        void edit(Map<String, INDArray> gradients);
    }

    private final SameDiff sd;
    private final ParameterStore params;
    private final List<String> trainable;
    private final boolean trainEmbedding;
    private final AdamOptimizer optimizer;
    private final GradientEditor editor;

    public GraphStep(SameDiff sd, ParameterStore params, Predicate<String> isTrainable, boolean trainEmbedding,
                     AdamOptimizer optimizer, GradientEditor editor) {
        this.sd = sd;
        this.params = params;
        this.trainable = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE && isTrainable.test(v.name())) trainable.add(v.name());
        }
        this.trainEmbedding = trainEmbedding;
        this.optimizer = optimizer;
        this.editor = editor;
    }

    public List<String> trainable() {
        return List.copyOf(trainable);
    }

    /**
     * @param placeholders   every placeholder value of the graph
     * @param embeddedInputs placeholder name → the sequences that were embedded into it
     * @param outputs        graph outputs to return (loss terms, masks)
     */
    public Map<String, INDArray> run(Map<String, INDArray> placeholders, Map<String, int[][]> embeddedInputs, List<String> outputs) {
        List<String> gradientOf = new ArrayList<>(trainable);
        if (trainEmbedding) gradientOf.addAll(embeddedInputs.keySet());
        OutAndGrad result = sd.calculateGradientsAndOutputs(placeholders, outputs, gradientOf);
        Map<String, INDArray> grads = new HashMap<>(result.getGradients());
        if (trainEmbedding) {
            INDArray emb = params.get(TcnBackbone.EMBEDDING);
            int channels = (int) emb.columns();
            float[] g = new float[(int) emb.length()];
            embeddedInputs.forEach((name, seqs) -> EmbeddingLookup.accumulate(g, channels, seqs, grads.remove(name)));
            grads.put(TcnBackbone.EMBEDDING, Nd4j.create(g, emb.shape(), 'c'));
        }
        if (editor != null) editor.edit(grads);
        for (var e : grads.entrySet()) {
            if (e.getValue() == null) continue;
            INDArray g = e.getValue();
            // one reduction per array on the hot path: any NaN or infinity makes the sum non-finite
            if (!Double.isFinite(g.sumNumber().doubleValue())) return skipped(result); // the reference also skips NaN steps
        }
        grads.forEach((name, g) -> {
            if (g != null) optimizer.step(name, params.get(name), g);
        });
        return new LinkedHashMap<>(result.getOutputs());
    }

    private static Map<String, INDArray> skipped(OutAndGrad result) {
        Map<String, INDArray> out = new LinkedHashMap<>(result.getOutputs());
        out.put("skipped", Nd4j.scalar(1.0));
        return out;
    }
}
