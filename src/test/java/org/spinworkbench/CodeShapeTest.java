package org.spinworkbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shape the code keeps so that it stays easy to read and change. */
class CodeShapeTest {
    static final int MOST_ARGUMENTS = 6;
    static final int MOST_LINES = 300;

    private static final String PACKAGE = "org.spinworkbench";
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PACKAGE);

    /**
     * No call lists more than six values by position for one of our constructors or static
     * factories: such a call cannot be read without counting. The places allowed are where the
     * components are declared: the class itself and its nested classes (a record's {@code withX}
     * methods, its row or JSON readers), and its builder or reader beside it in the same package
     * ({@code TrainingConfigBuilder}, {@code ModelConfigJson}), each naming every value it passes.
     */
    @Test
    void noConstructorOrFactoryCallTakesMoreThanSixValuesByPosition() {
        TreeSet<String> offending = new TreeSet<>();
        for (JavaClass caller : PRODUCTION) {
            for (JavaAccess<?> access : List.<JavaAccess<?>>copyOf(caller.getCodeUnitCallsFromSelf())) {
                Optional<? extends JavaCodeUnit> target = access.getTarget() instanceof AccessTarget.CodeUnitCallTarget
                        call ? call.resolveMember() : Optional.empty();
                if (target.isPresent() && isOurs(target.get()) && isConstructorOrFactory(target.get())
                        && target.get().getRawParameterTypes().size() > MOST_ARGUMENTS
                        && !besideItsDeclaration(caller, target.get().getOwner())) {
                    offending.add(access.getOrigin().getFullName() + " -> " + target.get().getFullName());
                }
            }
        }
        assertEquals(List.of(), List.copyOf(offending));
    }

    @Test
    void noMainSourceFileIsLongerThanThreeHundredLines() throws IOException {
        List<String> longer;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            longer = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> {
                        long lines = lines(file);
                        return lines > MOST_LINES ? Stream.of(file + ": " + lines + " lines") : Stream.empty();
                    })
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), longer);
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isOurs(JavaCodeUnit unit) {
        return unit.getOwner().getPackageName().startsWith(PACKAGE);
    }

    private static boolean isConstructorOrFactory(JavaCodeUnit unit) {
        return unit.isConstructor() || unit.getModifiers().contains(JavaModifier.STATIC)
                && unit.getRawReturnType().equals(unit.getOwner());
    }

    private static boolean besideItsDeclaration(JavaClass caller, JavaClass owner) {
        JavaClass outermost = caller;
        while (outermost.getEnclosingClass().isPresent()) {
            if (outermost.equals(owner)) {
                return true;
            }
            outermost = outermost.getEnclosingClass().get();
        }
        if (outermost.equals(owner)) {
            return true;
        }
        String companion = outermost.getSimpleName();
        return outermost.getPackageName().equals(owner.getPackageName())
                && (companion.equals(owner.getSimpleName() + "Builder") || companion.equals(owner.getSimpleName() + "Json"));
    }
}
