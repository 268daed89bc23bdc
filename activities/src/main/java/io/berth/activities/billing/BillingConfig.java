package io.berth.activities.billing;

import io.berth.persistence.account.CustomerRepository;
import io.berth.persistence.billing.SubscriptionRepository;
import io.berth.persistence.domain.DomainRepository;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.persistence.order.OrderRepository;
import io.berth.persistence.plan.PlanRepository;
import io.berth.persistence.site.SiteRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments and the subscription lifecycle: the {@link PaymentGateway} (Stripe when {@code
 * berth.stripe.api-key} is set, else one that refuses every call), the {@link BillingMailer}, and
 * the activities by the bean names the worker registers on {@code berth-control}: {@code
 * paymentActivities}, {@code subscriptionActivities}, {@code billingNoticeActivities}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  StripeProperties.class,
  PanelLinks.class,
  BillingMailProperties.class
})
public class BillingConfig {

  private static final Logger log = LoggerFactory.getLogger(BillingConfig.class);

  @Bean
  PaymentGateway paymentGateway(StripeProperties stripe) {
    if (!stripe.configured()) {
      log.info("Stripe is off (no berth.stripe.api-key): paid plans are sold by bank transfer");
      return new UnconfiguredPaymentGateway();
    }
    log.info("Stripe payments through {}", stripe.apiBase());
    return new StripePaymentGateway(stripe.newClient());
  }

  @Bean
  BillingMailer billingMailer(BillingMailProperties mail) {
    return new SmtpBillingMailer(mail);
  }

  @Bean
  PaymentActivitiesImpl paymentActivities(
      PaymentGateway gateway,
      OrderRepository orders,
      SubscriptionRepository subscriptions,
      CustomerRepository customers,
      PlanRepository plans,
      PanelLinks panel,
      JdbcClient jdbc) {
    return new PaymentActivitiesImpl(gateway, orders, subscriptions, customers, plans, panel, jdbc);
  }

  @Bean
  SubscriptionActivitiesImpl subscriptionActivities(
      SubscriptionRepository subscriptions,
      PlanRepository plans,
      SiteRepository sites,
      DomainRepository domains,
      MailDomainRepository mailDomains,
      MailboxRepository mailboxes,
      JdbcClient jdbc) {
    return new SubscriptionActivitiesImpl(
        subscriptions, plans, sites, domains, mailDomains, mailboxes, jdbc);
  }

  @Bean
  BillingNoticeActivitiesImpl billingNoticeActivities(
      SubscriptionRepository subscriptions,
      CustomerRepository customers,
      PlanRepository plans,
      BillingMailer mailer,
      PanelLinks panel,
      JdbcClient jdbc,
      TransactionTemplate transactions) {
    return new BillingNoticeActivitiesImpl(
        subscriptions, customers, plans, mailer, panel, jdbc, transactions);
  }
}
