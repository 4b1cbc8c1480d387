package fr.breachimpact.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;

/**
 * The production code's structure (docs/architecture.md): packages without cycles, in layers that
 * depend downwards only, and nothing of the generator's or the benchmark's modules.
 */
@AnalyzeClasses(packages = "fr.breachimpact", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /** The stages' own code: what each stage computes, without how a run is put together. */
  private static final String[] STAGE_PACKAGES = {
    "fr.breachimpact.ingest..",
    "fr.breachimpact.classify..",
    "fr.breachimpact.normalize..",
    "fr.breachimpact.link..",
    "fr.breachimpact.resolve..",
    "fr.breachimpact.report..",
    "fr.breachimpact.sniff.."
  };

  /** The model every layer shares: config, Spark sessions and the lake, encryption. */
  private static final String[] SHARED_PACKAGES = {
    "fr.breachimpact.config..", "fr.breachimpact.spark..", "fr.breachimpact.security.."
  };

  @ArchTest
  static final ArchRule noCyclesBetweenPackages =
      slices().matching("fr.breachimpact.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule layersDependDownwardsOnly =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("cli")
          .definedBy("fr.breachimpact.cli..")
          .layer("pipeline")
          .definedBy("fr.breachimpact.pipeline..")
          .layer("stage")
          .definedBy("fr.breachimpact.stage..")
          .layer("stages")
          .definedBy(STAGE_PACKAGES)
          .layer("shared")
          .definedBy(SHARED_PACKAGES)
          .whereLayer("cli")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("pipeline")
          .mayOnlyBeAccessedByLayers("cli")
          .whereLayer("stage")
          .mayOnlyBeAccessedByLayers("cli", "pipeline")
          .whereLayer("stages")
          .mayOnlyBeAccessedByLayers("cli", "pipeline", "stage")
          .whereLayer("shared")
          .mayOnlyBeAccessedByLayers("cli", "pipeline", "stage", "stages");

  /** A new package is placed in a layer (here and in docs/architecture.md) before it is used. */
  @ArchTest
  static final ArchRule everyClassIsInALayer =
      classes()
          .should()
          .resideInAnyPackage(
              concat(
                  new String[] {
                    "fr.breachimpact.cli..", "fr.breachimpact.pipeline..", "fr.breachimpact.stage.."
                  },
                  STAGE_PACKAGES,
                  SHARED_PACKAGES));

  @ArchTest
  static final ArchRule stagePackagesKnowNoRunner =
      noClasses()
          .that()
          .resideInAnyPackage(STAGE_PACKAGES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "fr.breachimpact.cli..", "fr.breachimpact.pipeline..", "fr.breachimpact.stage..");

  /** The generator and the benchmark are modules of their own, never part of a production jar. */
  @ArchTest
  static final ArchRule noGeneratorOrBenchmarkCode =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "fr.breachimpact.generate..", "fr.breachimpact.bench..", "fr.breachimpact.tools..");

  private static String[] concat(String[]... parts) {
    return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
  }
}
