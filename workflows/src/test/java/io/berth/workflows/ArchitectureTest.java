package io.berth.workflows;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "io.berth.workflows",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Workflow code must replay deterministically: no frameworks, no I/O clients. */
  @ArchTest
  static final ArchRule workflowsUseNoFrameworksOrAdapters =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "com.github.dockerjava..",
              "org.xbill.DNS..",
              "org.shredzone.acme4j..",
              "com.stripe..",
              "java.sql..");

  /** Time and randomness come from Workflow.* in workflow implementations. */
  @ArchTest
  static final ArchRule workflowImplementationsUseWorkflowTime =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("WorkflowImpl")
          .should()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(java.time.Instant.class, "now")
          .orShould()
          .callMethod(Thread.class, "sleep", long.class);
}
