package org.teracon.workbench.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Hands out one SameDiff variable per stored parameter, created on first use over the stored array. */
public final class GraphVariables {
    private final SameDiff sd;
    private final ParameterStore params;

    public GraphVariables(SameDiff sd, ParameterStore params) {
        this.sd = sd;
        this.params = params;
    }

    public SDVariable get(String name) {
        return sd.hasVariable(name) ? sd.getVariable(name) : sd.var(name, params.get(name));
    }

    public SameDiff sd() {
        return sd;
    }

    public ParameterStore params() {
        return params;
    }
}
