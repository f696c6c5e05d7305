package dev.opkit.mock.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** What must stay true of the sandbox's shape (docs/ARCHITECTURE.md, "mock-server"). */
class ArchitectureTest {
  private static final JavaClasses SANDBOX =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.opkit.mock");

  @Test
  void servicesAndStoresNeverImportJavalin() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Service")
        .or()
        .resideInAnyPackage("..mock.store..", "..mock.spending..", "..mock.ledger..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..")
        .check(SANDBOX);
  }

  @Test
  void theResourceServerReachesTheAuthServerOnlyThroughTheAccessSeam() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "..mock.resource..", "..mock.spending..", "..mock.ledger..", "..mock.wallet..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..mock.auth..")
        .check(SANDBOX);
    noClasses()
        .that()
        .resideInAPackage("..mock.auth..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("..mock.resource..")
                .and(resideOutsideOfPackage("..mock.resource.access..")))
        .check(SANDBOX);
  }

  @Test
  void theInMemoryStoresAreReachedOnlyThroughTheirInterfacesButByTheWiring() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..mock.store.memory..")
        .and()
        .resideOutsideOfPackage("..mock.sandbox..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..mock.store.memory..")
        .check(SANDBOX);
  }

  @Test
  void storedRecordsAreImmutable() {
    fields()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage("dev.opkit.mock.store")
        .and()
        .areDeclaredInClassesThat()
        .areRecords()
        .should()
        .beFinal()
        .check(SANDBOX);
    classes()
        .that()
        .resideInAPackage("dev.opkit.mock.store")
        .and()
        .haveSimpleNameEndingWith("Record")
        .should()
        .beRecords()
        .check(SANDBOX);
  }

  @Test
  void servicesHoldNoMutableState() {
    fields()
        .that()
        .areDeclaredInClassesThat()
        .haveSimpleNameEndingWith("Service")
        .and()
        .areNotStatic()
        .should()
        .beFinal()
        .andShould()
        .notHaveModifier(JavaModifier.VOLATILE)
        .check(SANDBOX);
  }
}
