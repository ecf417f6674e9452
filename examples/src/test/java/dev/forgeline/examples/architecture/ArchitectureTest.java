package dev.forgeline.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package arrows of docs/architecture.md, checked on the main classes of every
 * module: API packages never expose internal types, modules never reach into another's internals,
 * and pipeline-core never needs the mock.
 */
class ArchitectureTest {
  /** pipeline-core's API packages; everything else under dev.forgeline.core is internal. */
  static final Set<String> CORE_API =
      Set.of(
          "dev.forgeline.core",
          "dev.forgeline.core.error",
          "dev.forgeline.core.report",
          "dev.forgeline.core.spi",
          "dev.forgeline.core.config",
          "dev.forgeline.core.connector",
          "dev.forgeline.core.cli",
          "dev.forgeline.core.cache");

  static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.forgeline");
    assertThat(main.stream().map(JavaClass::getPackageName))
        .contains("dev.forgeline.core.internal.exec", "dev.forgeline.mock.engine");
  }

  private static DescribedPredicate<JavaClass> inCoreApi() {
    return DescribedPredicate.describe(
        "in pipeline-core's API packages", c -> CORE_API.contains(c.getPackageName()));
  }

  @Test
  void apiTypesNeverExposeInternalTypesInTheirPublicSignatures() {
    classes().that(inCoreApi()).and().arePublic().should(exposeNoInternalType()).check(main);
  }

  @Test
  void reportErrorAndSpiPackagesDoNotDependOnInternals() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.forgeline.core.report..", "dev.forgeline.core.error..", "dev.forgeline.core.spi..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.forgeline.core.internal..")
        .check(main);
  }

  @Test
  void noModuleReachesIntoCoresInternals() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.forgeline.core..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.forgeline.core.internal..")
        .check(main);
  }

  @Test
  void noModuleReachesIntoTheMocksEngine() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.forgeline.mock..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.forgeline.mock.engine..", "dev.forgeline.mock.fn..")
        .check(main);
  }

  @Test
  void coreWriterAndValidationNeverDependOnTheMock() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.forgeline.core..", "dev.forgeline.writer..", "dev.forgeline.validation..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.forgeline.mock..")
        .check(main);
  }

  @Test
  void publicRecordsOfApiPackagesExposeNoMutableArrays() {
    List<String> offenders = new ArrayList<>();
    for (JavaClass c : main) {
      if (c.isRecord() && c.getModifiers().contains(JavaModifier.PUBLIC) && inCoreApi().test(c)) {
        for (JavaField f : c.getFields()) {
          if (!f.getModifiers().contains(JavaModifier.STATIC) && f.getRawType().isArray()) {
            offenders.add(c.getName() + "." + f.getName());
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  private static ArchCondition<JavaClass> exposeNoInternalType() {
    return new ArchCondition<>("expose no internal type in a public or protected signature") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        for (JavaCodeUnit m : c.getCodeUnits()) {
          if (!visible(m.getModifiers()) || m.getName().startsWith("lambda$")) {
            continue;
          }
          List<JavaClass> types = new ArrayList<>(m.getRawParameterTypes());
          types.add(m.getRawReturnType());
          for (JavaClass t : types) {
            if (internal(t)) {
              events.add(
                  SimpleConditionEvent.violated(
                      m, m.getFullName() + " exposes internal type " + t.getName()));
            }
          }
        }
        for (JavaField f : c.getFields()) {
          if (visible(f.getModifiers()) && internal(f.getRawType())) {
            events.add(
                SimpleConditionEvent.violated(
                    f, f.getFullName() + " exposes internal type " + f.getRawType().getName()));
          }
        }
      }
    };
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static boolean internal(JavaClass t) {
    JavaClass base = t.isArray() ? t.getBaseComponentType() : t;
    return base.getPackageName().startsWith("dev.forgeline.core.internal");
  }
}
