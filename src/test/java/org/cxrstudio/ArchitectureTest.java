package org.cxrstudio;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of {@code shared/STYLE.md}, each with its reason. */
@AnalyzeClasses(packages = "org.cxrstudio", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("app").definedBy("org.cxrstudio.app..")
            .layer("ui").definedBy("org.cxrstudio.ui..")
            .layer("core").definedBy("org.cxrstudio.core..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
            .whereLayer("core").mayOnlyBeAccessedByLayers("app", "ui")
            .because("dependencies point app -> ui -> core, so the core can run headless and be tested alone");

    @ArchTest
    static final ArchRule coreIsHeadless = noClasses().that().resideInAPackage("org.cxrstudio.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the core runs in the CLI, in tests and in CI without a display");

    @ArchTest
    static final ArchRule coreSlicesAcyclic = slices().matching("org.cxrstudio.core.(*)..")
            .should().beFreeOfCycles()
            .because("core slices are layered among themselves; a cycle means a misplaced type");

    @ArchTest
    static final ArchRule djlStaysInside = noClasses()
            .that().resideOutsideOfPackages("org.cxrstudio.core.inference..", "org.cxrstudio.core.saliency..",
                    "org.cxrstudio.core.training..", "org.cxrstudio.core.gate..", "org.cxrstudio.core.gatebuild..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "ai.onnxruntime..")
            .because("DJL and ONNX Runtime are implementation details of inference, training and the gate's content check");

    @ArchTest
    static final ArchRule jnaStaysInCodecs = noClasses().that().resideOutsideOfPackage("org.cxrstudio.core.dicom.codec..")
            .should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..")
            .because("native code (OpenJPEG) is reached only through the JPEG 2000 decoder, behind its own SIZ check");

    @ArchTest
    static final ArchRule viewModelsNeedNoToolkit = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
            .because("view models use javafx.beans/collections only, so they are unit-testable without a toolkit");

    @ArchTest
    static final ArchRule noSystemOut = noClasses()
            .that().resideOutsideOfPackage("org.cxrstudio.app.cli..")
            .should().accessField(System.class, "out")
            .because("logging goes through SLF4J; only the command line prints its own output");

    // The packages below are added by parallel work (input gate, PACS client, pretrained import);
    // allowEmptyShould keeps these rules valid in a tree where a package does not exist yet.

    @ArchTest
    static final ArchRule gateIsHeadless = noClasses().that().resideInAPackage("org.cxrstudio.core.gate..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.cxrstudio.ui..", "org.cxrstudio.app..")
            .allowEmptyShould(true)
            .because("the input gate refuses bad films in the CLI, in batch jobs and in the viewer alike, without a display");

    @ArchTest
    static final ArchRule pacsIsHeadless = noClasses().that().resideInAPackage("org.cxrstudio.core.pacs..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.cxrstudio.ui..", "org.cxrstudio.app..")
            .allowEmptyShould(true)
            .because("the DICOMweb client serves the CLI ('pacs predict') and the viewer; it must run without a display");

    @ArchTest
    static final ArchRule pacsDoesNotTrain = noClasses().that().resideInAPackage("org.cxrstudio.core.pacs..")
            .should().dependOnClassesThat().resideInAnyPackage("org.cxrstudio.core.training..", "ai.djl..")
            .allowEmptyShould(true)
            .because("talking to an archive needs no training engine (DJL PyTorch is large and native); "
                    + "a PACS deployment scores with ONNX Runtime only");

    @ArchTest
    static final ArchRule pretrainedIsHeadless = noClasses().that().resideInAPackage("org.cxrstudio.core.pretrained..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.cxrstudio.ui..", "org.cxrstudio.app..")
            .allowEmptyShould(true)
            .because("importing pretrained weights is a command-line and training step; it runs headless");
}
