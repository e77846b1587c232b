package org.spinworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md §4, checked on the compiled classes. */
class ArchitectureTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.spinworkbench");

    private static final String[] UI_TOOLKITS = {"javafx..", "org.controlsfx..", "io.fair_acc..", "com.sun.javafx.."};

    @Test
    void nothingOutsideUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.spinworkbench.ui..")
                .should().dependOnClassesThat().resideInAnyPackage(UI_TOOLKITS)
                .because("only the ui package may know the UI toolkit (DESIGN.md §4)")
                .check(PRODUCTION);
    }

    @Test
    void theModelEngineDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("org.spinworkbench.lm..")
                .should().dependOnClassesThat().resideInAnyPackage("org.spinworkbench.train..",
                        "org.spinworkbench.store..", "org.spinworkbench.cli..", "org.spinworkbench.ui..",
                        "java.sql..")
                .check(PRODUCTION);
    }

    @Test
    void trainingKnowsNoStorageAndNoInterface() {
        noClasses().that().resideInAPackage("org.spinworkbench.train..")
                .should().dependOnClassesThat().resideInAnyPackage("org.spinworkbench.store..",
                        "org.spinworkbench.cli..", "org.spinworkbench.ui..", "java.sql..")
                .check(PRODUCTION);
    }

    @Test
    void storageKnowsNoInterfaceAndNoEngine() {
        noClasses().that().resideInAPackage("org.spinworkbench.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.spinworkbench.cli..",
                        "org.spinworkbench.ui..", "org.spinworkbench.train..", "org.spinworkbench.lm..")
                .check(PRODUCTION);
    }

    @Test
    void onlyTheInterfacesUseTheRunService() {
        noClasses().that().resideInAnyPackage("org.spinworkbench.lm..", "org.spinworkbench.data..",
                        "org.spinworkbench.train..", "org.spinworkbench.store..")
                .should().dependOnClassesThat().resideInAPackage("org.spinworkbench.runs..")
                .because("runs connects training to the workspace for the command line and the GUI")
                .check(PRODUCTION);
    }

    @Test
    void datasetsKnowOnlyTheChatMessage() {
        noClasses().that().resideInAPackage("org.spinworkbench.data..")
                .should().dependOnClassesThat().resideInAnyPackage("org.spinworkbench.train..",
                        "org.spinworkbench.store..", "org.spinworkbench.cli..", "org.spinworkbench.ui..",
                        "org.spinworkbench.runs..", "org.spinworkbench.lm.hf..")
                .check(PRODUCTION);
    }

    @Test
    void theCommandLineDoesNotReachIntoTheGui() {
        noClasses().that().resideInAPackage("org.spinworkbench.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.spinworkbench.ui..")
                .check(PRODUCTION);
    }
}
