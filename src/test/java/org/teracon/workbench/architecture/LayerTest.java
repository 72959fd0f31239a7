package org.teracon.workbench.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * data → model → method → experiment → app → ui / cli, one direction only (spark beside cli, used by nobody); JavaFX only in ui; no
 * package cycles, at the top level or between sub-packages.
 */
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
                .layer("app").definedBy("org.teracon.workbench.app..")
                .layer("ui").definedBy("org.teracon.workbench.ui..")
                .layer("cli").definedBy("org.teracon.workbench.cli..")
                .layer("spark").definedBy("org.teracon.workbench.spark..")
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("spark").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("app").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("experiment").mayOnlyBeAccessedByLayers("app", "ui", "cli", "spark")
                .whereLayer("method").mayOnlyBeAccessedByLayers("experiment", "app", "ui", "cli", "spark")
                .whereLayer("model").mayOnlyBeAccessedByLayers("method", "experiment", "app", "ui", "cli", "spark")
                .check(CLASSES);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching("org.teracon.workbench.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** One slice per package (ui.vm, ui.export, method.teracon, ...). Classes of one package may still use each other. */
    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.teracon.workbench.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    /** TERACON and the baselines are alternatives over the same shared pieces, never built from each other. */
    @Test
    void teraconAndTheBaselinesAreIndependent() {
        noClasses().that().resideInAPackage("org.teracon.workbench.method.teracon..")
                .should().dependOnClassesThat().resideInAPackage("org.teracon.workbench.method.baseline..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.teracon.workbench.method.baseline..")
                .should().dependOnClassesThat().resideInAPackage("org.teracon.workbench.method.teracon..")
                .check(CLASSES);
    }

    @Test
    void noJavaFxBelowTheUi() {
        onlyUsedIn("org.teracon.workbench.ui..", "javafx..");
    }

    /** The parameter specs are read by the method, experiment, CLI and GUI code alike; they must not pull in picocli. */
    @Test
    void noPicocliOutsideTheCli() {
        onlyUsedIn("org.teracon.workbench.cli..", "picocli..");
    }

    /** Spark lives in its own layer (found through ServiceLoader), so nothing else needs it on the classpath. */
    @Test
    void sparkOnlyInTheSparkPackage() {
        noClasses().that().resideOutsideOfPackage("org.teracon.workbench.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .check(CLASSES);
    }

    /** Main, which picks the face, is the one other class allowed to name a face's library. */
    private static void onlyUsedIn(String home, String library) {
        noClasses().that().resideOutsideOfPackage(home)
                .and().doNotHaveFullyQualifiedName("org.teracon.workbench.Main")
                .should().dependOnClassesThat().resideInAPackage(library)
                .check(CLASSES);
    }
}
