package org.teracon.workbench.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** data → model → method → experiment → ui / cli, one direction only; JavaFX only in ui. */
class LayerTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.teracon.workbench");

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("data").definedBy("org.teracon.workbench.data..")
                .layer("model").definedBy("org.teracon.workbench.model..")
                .layer("method").definedBy("org.teracon.workbench.method..")
                .layer("experiment").definedBy("org.teracon.workbench.experiment..")
                .layer("ui").definedBy("org.teracon.workbench.ui..")
                .layer("cli").definedBy("org.teracon.workbench.cli..")
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("experiment").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("method").mayOnlyBeAccessedByLayers("experiment", "ui", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("method", "experiment", "ui", "cli")
                .check(CLASSES);
    }

    @Test
    void noJavaFxBelowTheUi() {
        noClasses().that().resideOutsideOfPackage("org.teracon.workbench.ui..")
                .and().doNotHaveFullyQualifiedName("org.teracon.workbench.Main")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(CLASSES);
    }
}
