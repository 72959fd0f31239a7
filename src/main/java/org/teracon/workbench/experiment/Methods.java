package org.teracon.workbench.experiment;

import java.util.List;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.catalog.MethodCatalog;

/** The methods a config can name; {@link MethodCatalog} holds each one's parameters and factory. */
public final class Methods {
    private Methods() {
    }

    public static List<String> names() {
        return MethodCatalog.names();
    }

    public static ContinualMethod create(ExperimentConfig config) {
        return MethodCatalog.create(config.method(), config.backbone(), config.params());
    }
}
