package org.teracon.workbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkSettingsTest {

    @Test
    void executorsRunWithoutJavacppsResidentSizeCheckUnlessTheUserSaysOtherwise() {
        assertEquals("-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", SparkSettings.of("local[2]", Map.of()).conf().get("spark.executor.extraJavaOptions"));
        assertEquals("-Xmx2g", SparkSettings.of("local[2]", Map.of("spark.executor.extraJavaOptions", "-Xmx2g")).conf()
                .get("spark.executor.extraJavaOptions"));
    }
}
