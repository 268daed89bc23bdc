package io.berth.panel;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.component.Component;
import io.temporal.client.WorkflowClient;
import org.junit.jupiter.api.Test;

@AnalyzeClasses(packages = "io.berth.panel", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule panelNeverTouchesInfrastructureSdks =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.github.dockerjava..", "org.xbill.DNS..", "org.shredzone.acme4j..")
          .because("the panel starts workflows; only activities talk to Docker, DNS, ACME");

  /** The one piece of stripe-java the panel may use: checking a webhook delivery's signature. */
  private static final DescribedPredicate<HasName> STRIPE_SIGNATURE_CHECK =
      name("com.stripe.net.Webhook")
          .or(nameStartingWith("com.stripe.net.Webhook$"))
          .or(name("com.stripe.exception.SignatureVerificationException"))
          .as("stripe-java's webhook signature check");

  @ArchTest
  static final ArchRule panelUsesStripeOnlyToCheckWebhookSignatures =
      noClasses()
          .should()
          .dependOnClassesThat(
              resideInAPackage("com.stripe..")
                  .and(not(STRIPE_SIGNATURE_CHECK))
                  .as("stripe-java beyond its webhook signature check"))
          .because("only activities call Stripe's API; the panel just verifies webhook deliveries");

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

  @Test
  void theStripeRuleAllowsTheSignatureCheck() {
    JavaClasses checker = new ClassFileImporter().importClasses(ChecksASignature.class);

    assertThat(panelUsesStripeOnlyToCheckWebhookSignatures.evaluate(checker).hasViolation())
        .isFalse();
  }

  @Test
  void theStripeRuleRefusesTheRestOfStripeJava() {
    JavaClasses caller = new ClassFileImporter().importClasses(CallsStripesApi.class);

    assertThat(panelUsesStripeOnlyToCheckWebhookSignatures.evaluate(caller).hasViolation())
        .isTrue();
  }

  /** Uses only what the panel may. */
  static final class ChecksASignature {
    boolean check(String payload, String header) {
      try {
        return Webhook.Signature.verifyHeader(payload, header, "whsec_example", 300);
      } catch (SignatureVerificationException refused) {
        return false;
      }
    }
  }

  /** Uses what only the activities may. */
  static final class CallsStripesApi {
    StripeClient client() {
      return new StripeClient("sk_test_example");
    }
  }
}
