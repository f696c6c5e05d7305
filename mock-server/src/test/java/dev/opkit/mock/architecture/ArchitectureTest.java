package dev.opkit.mock.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What must stay true of the sandbox's shape (docs/ARCHITECTURE.md, "mock-server"). */
class ArchitectureTest {
  /**
   * Infrastructure that may lock: the servers' life cycle and the webhook and key-fetching HTTP
   * clients (their queues and connections are no state of a session).
   */
  private static final Set<String> LOCKING_INFRASTRUCTURE =
      Set.of(
          "dev.opkit.mock.sandbox.Sandbox",
          "dev.opkit.mock.sandbox.AseServer",
          "dev.opkit.mock.events.WebhookSender",
          "dev.opkit.mock.events.WebhookSenders",
          "dev.opkit.mock.auth.client.JwksFetcher");

  private static final DescribedPredicate<JavaClass> MAY_LOCK =
      DescribedPredicate.describe(
          "the in-memory store or locking infrastructure",
          c ->
              c.getPackageName().startsWith("dev.opkit.mock.store.memory")
                  || LOCKING_INFRASTRUCTURE.contains(outermost(c).getName()));

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
  void theDatabaseIsReachedOnlyThroughThePostgresStore() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..mock.store.postgres..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..", "javax.sql..", "com.zaxxer.hikari..", "org.flywaydb..", "io.zonky..")
        .check(SANDBOX);
    noClasses()
        .that()
        .resideOutsideOfPackage("..mock.store.postgres..")
        .and()
        .resideOutsideOfPackage("..mock.sandbox..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..mock.store.postgres..")
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

  @Test
  void nothingLocksButTheInMemoryStoreAndInfrastructure() throws IOException {
    noClasses()
        .that(DescribedPredicate.not(MAY_LOCK))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("java.util.concurrent.locks..")
        .check(SANDBOX);
    methods()
        .that()
        .areDeclaredInClassesThat(DescribedPredicate.not(MAY_LOCK))
        .should()
        .notHaveModifier(JavaModifier.SYNCHRONIZED)
        .check(SANDBOX);
    // synchronized blocks leave no trace ArchUnit reads, so the sources are read instead.
    Path sources = Path.of("src/main/java/dev/opkit/mock");
    List<String> locking;
    try (Stream<Path> files = Files.walk(sources)) {
      locking =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> !mayLock(sources.relativize(f)))
              .filter(ArchitectureTest::hasSynchronizedBlock)
              .map(Path::toString)
              .toList();
    }
    assertThat(locking).as("synchronized blocks outside the in-memory store").isEmpty();
  }

  @Test
  void theStoreImplementationSpendingAndTheLedgerSitBelowEverythingButTheStoreModel() {
    classes()
        .that()
        .resideInAnyPackage(
            "..mock.store.memory..",
            "..mock.store.postgres..",
            "..mock.spending..",
            "..mock.ledger..")
        .should()
        .onlyDependOnClassesThat(
            resideOutsideOfPackage("dev.opkit.mock..")
                .or(resideInAnyPackage("..mock.store..", "..mock.spending..", "..mock.ledger.."))
                .or(resideInAPackage("..mock.http..")))
        .check(SANDBOX);
    slices()
        .matching("dev.opkit.mock.(store|spending|ledger)..")
        .should()
        .beFreeOfCycles()
        .check(SANDBOX);
  }

  /**
   * The feature packages form layers, none reaching back up to one that reaches it. {@code sandbox}
   * is left out: it is the composition root (it wires every package) and holds the configuration
   * shapes the others read (SandboxConfig, SessionConfig, Ase).
   */
  @Test
  void thePackagesButTheCompositionRootHaveNoCycles() {
    DescribedPredicate<JavaClass> compositionRoot = resideInAPackage("dev.opkit.mock.sandbox..");
    slices()
        .matching("dev.opkit.mock.(*)..")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(compositionRoot, DescribedPredicate.alwaysTrue())
        .ignoreDependency(DescribedPredicate.alwaysTrue(), compositionRoot)
        .check(SANDBOX);
  }

  private static boolean mayLock(Path relative) {
    String name =
        "dev.opkit.mock."
            + relative.toString().replace('/', '.').replace('\\', '.').replaceAll("\\.java$", "");
    return name.startsWith("dev.opkit.mock.store.memory.") || LOCKING_INFRASTRUCTURE.contains(name);
  }

  private static boolean hasSynchronizedBlock(Path file) {
    try {
      return Files.readString(file).contains("synchronized (");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  private static JavaClass outermost(JavaClass c) {
    JavaClass outer = c;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer;
  }
}
