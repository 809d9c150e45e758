package org.goaldriftgym.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package table of STYLE.md, enforced on the main classes. */
class ArchitectureTest {

  private static final String ROOT = "org.goaldriftgym";
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void mainClassesAreImported() {
    // guards the rules below against passing vacuously
    if (classes.stream().noneMatch(c -> c.getPackageName().equals(ROOT + ".core"))
        || classes.stream().noneMatch(c -> c.getPackageName().equals(ROOT + ".cli"))) {
      throw new AssertionError("main classes were not imported: " + classes.size());
    }
  }

  @Test
  void coreDependsOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".core..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(ROOT + ".core..", "java..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.fasterxml..", "picocli..", "java.nio.file..", "java.net..", "java.io..")
        .check(classes);
  }

  @Test
  void scenarioDependsOnCoreOnly() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".scenario..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(ROOT + ".scenario..", ROOT + ".core..", "java..")
        .check(classes);
  }

  @Test
  void policyDependsOnCoreAndTheScenarioSpiOnly() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".policy..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(ROOT + ".policy..", ROOT + ".core..", ROOT + ".scenario", "java..")
        .check(classes);
  }

  @Test
  void agentDependsOnCoreScenarioPolicyTheJsonToolsAndItsLibrariesOnly() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".agent..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".agent..",
            ROOT + ".core..",
            ROOT + ".artifact",
            ROOT + ".scenario",
            ROOT + ".policy",
            "com.fasterxml.jackson..",
            "okhttp3..",
            "kotlin..",
            "io.github.cdimascio.dotenv..",
            "javax.net.ssl..",
            "java..")
        .check(classes);
  }

  @Test
  void onlyTheAgentTouchesHttp() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT + ".agent..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("okhttp3..", "io.github.cdimascio..")
        .check(classes);
  }

  @Test
  void metricsDependOnCoreOnly() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".metrics..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(ROOT + ".metrics..", ROOT + ".core..", "java..")
        .check(classes);
  }

  @Test
  void artifactDependsOnCoreMetricsAndJacksonOnly() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".artifact..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".artifact..",
            ROOT + ".core..",
            ROOT + ".metrics..",
            "com.fasterxml.jackson..",
            "java..")
        .check(classes);
  }

  @Test
  void analysisReadsArtifactsWithoutRunningAnything() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".analysis..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".analysis..",
            ROOT + ".artifact..",
            ROOT + ".metrics..",
            ROOT + ".core..",
            "com.fasterxml.jackson..",
            "org.hipparchus..",
            "java..")
        .check(classes);
  }

  @Test
  void plotDrawsFromTheAnalysisRecordsOnly() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".plot..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".plot..",
            ROOT + ".analysis..",
            ROOT + ".artifact..",
            ROOT + ".metrics..",
            ROOT + ".core..",
            "org.knowm.xchart..",
            "com.fasterxml.jackson..",
            "java..",
            "javax.imageio..",
            "de.erichseifert.vectorgraphics2d..")
        .check(classes);
  }

  @Test
  void theViewerWritesDataFromTheAnalysisRecordsOnly() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".view..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".view..",
            ROOT + ".analysis..",
            ROOT + ".artifact..",
            ROOT + ".metrics..",
            ROOT + ".core..",
            "com.fasterxml.jackson..",
            "java..")
        .check(classes);
  }

  @Test
  void onlyThePlotPackageDrawsCharts() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT + ".plot..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.knowm.xchart..", "java.awt..")
        .check(classes);
  }

  @Test
  void runDependsOnTheLayersBelowItOnly() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".run..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".run..",
            ROOT + ".agent..",
            ROOT + ".artifact..",
            ROOT + ".core..",
            ROOT + ".metrics..",
            ROOT + ".policy..",
            ROOT + ".scenario..",
            "com.fasterxml.jackson..",
            "java..")
        .check(classes);
  }

  @Test
  void configDependsOnCoreScenarioAndJacksonOnly() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".config..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".config..",
            ROOT + ".core..",
            ROOT + ".scenario..",
            "com.fasterxml.jackson..",
            "java..")
        .check(classes);
  }

  @Test
  void sweepRunsThroughTheRunPackageOnly() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".sweep..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".sweep..",
            ROOT + ".run..",
            ROOT + ".config..",
            ROOT + ".artifact..",
            ROOT + ".metrics..",
            ROOT + ".scenario..",
            ROOT + ".core..",
            "com.fasterxml.jackson..",
            "java..")
        .check(classes);
  }

  @Test
  void scenarioChecksRunThroughTheRunPackageOnly() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".check..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".check..",
            ROOT + ".run..",
            ROOT + ".scenario..",
            ROOT + ".metrics..",
            ROOT + ".core..",
            "java..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT + ".check..", ROOT + ".cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".check..")
        .check(classes);
  }

  @Test
  void nothingDependsOnTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".cli..")
        .check(classes);
  }

  @Test
  void onlyTheCliTouchesPicocli() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .check(classes);
  }

  @Test
  void noClassOutsideTheCliWritesToSystemOutOrErr() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".cli..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(classes);
  }

  @Test
  void onlyMainMainCallsSystemExit() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(ROOT + ".cli.Main")
        .should()
        .callMethod(System.class, "exit", int.class)
        .check(classes);
  }

  @Test
  void scenarioPolicyAndMetricsCodeTakeNoNondeterminismFromTheProcess() {
    noClasses()
        .that()
        .resideInAnyPackage(
            ROOT + ".scenario..", ROOT + ".policy..", ROOT + ".metrics..", ROOT + ".core..")
        .should()
        .callConstructor(Random.class)
        .orShould()
        .callConstructor(Random.class, long.class)
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(Math.class, "random")
        .orShould()
        .callMethod(Clock.class, "systemUTC")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.security.SecureRandom")
        .check(classes);
  }
}
