package io.berth.panel;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.component.Component;
import io.temporal.client.WorkflowClient;

@AnalyzeClasses(packages = "io.berth.panel", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule panelNeverTouchesInfrastructureSdks =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.github.dockerjava..",
              "org.xbill.DNS..",
              "org.shredzone.acme4j..",
              "com.stripe..")
          .because("the panel starts workflows; only activities talk to Docker, DNS, ACME, Stripe");

  @ArchTest
  static final ArchRule viewsGoThroughServices =
      noClasses()
          .that()
          .areAssignableTo(Component.class)
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.temporal..").or(simpleNameEndingWith("Repository")))
          .because("views call the same services as the REST API");

  @ArchTest
  static final ArchRule onlyTemporalAdaptersHoldTheClient =
      noClasses()
          .that()
          .haveSimpleNameNotStartingWith("Temporal")
          .should()
          .dependOnClassesThat()
          .areAssignableTo(WorkflowClient.class)
          .because("Temporal is reached through small ports the views and tests can replace");
}
