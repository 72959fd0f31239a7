package org.teracon.workbench.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Named parameter arrays of one model. SameDiff graphs are built over these very arrays (sd.var keeps
 * the array object), so an in-place optimiser update is seen by every graph built from the store.
 */
public final class ParameterStore implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, INDArray> arrays = new LinkedHashMap<>();

    public INDArray get(String name) {
        INDArray a = arrays.get(name);
        if (a == null) throw new IllegalArgumentException("no parameter '" + name + "'");
        return a;
    }

    public boolean has(String name) {
        return arrays.containsKey(name);
    }

    public void put(String name, INDArray value) {
        arrays.put(name, value);
    }

    public void remove(String name) {
        arrays.remove(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(arrays.keySet());
    }

    /** Deep copy (frozen teachers, best-epoch snapshots, per-task model copies). */
    public ParameterStore copy() {
        ParameterStore c = new ParameterStore();
        arrays.forEach((k, v) -> c.put(k, v.dup()));
        return c;
    }

    /** Copies values into the existing arrays, keeping their identity (graphs stay valid). */
    public void assignFrom(ParameterStore source) {
        source.arrays.forEach((k, v) -> {
            INDArray target = arrays.get(k);
            if (target == null) arrays.put(k, v.dup());
            else target.assign(v);
        });
    }

    public long parameterCount() {
        return arrays.values().stream().mapToLong(INDArray::length).sum();
    }

    /** The native bytes the parameters' values take. */
    public long bytes() {
        return arrays.values().stream().mapToLong(a -> a.length() * a.dataType().width()).sum();
    }
}
