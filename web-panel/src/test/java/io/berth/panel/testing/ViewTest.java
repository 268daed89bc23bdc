package io.berth.panel.testing;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import io.berth.panel.billing.BillingTestBeans;
import io.berth.panel.certificate.CertificateTestBeans;
import io.berth.panel.database.DatabaseTestBeans;
import io.berth.panel.domain.DomainTestBeans;
import io.berth.panel.mail.MailTestBeans;
import io.berth.panel.order.OrderTestBeans;
import io.berth.panel.security.BerthUser;
import io.berth.panel.site.SiteTestBeans;
import io.berth.persistence.account.Customer;
import java.util.List;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Views tested without a browser (Karibu-Testing) on the real services over in-memory repositories,
 * with fakes standing in for Temporal.
 */
@SpringJUnitConfig(ViewTest.Beans.class)
public abstract class ViewTest {

  private static final Routes ROUTES = new Routes().autoDiscoverViews("io.berth.panel");

  @Import({
    CommonTestBeans.class,
    OrderTestBeans.class,
    SiteTestBeans.class,
    DomainTestBeans.class,
    DatabaseTestBeans.class,
    CertificateTestBeans.class,
    MailTestBeans.class,
    BillingTestBeans.class
  })
  static class Beans {}

  @Autowired protected ApplicationContext context;
  @Autowired protected InMemoryCustomers customers;
  @Autowired protected InMemoryOrders orders;
  @Autowired protected InMemorySites sites;
  @Autowired protected InMemoryDomains domains;
  @Autowired protected InMemoryDnsRecordSets recordSets;
  @Autowired protected InMemoryCustomerDatabases databases;
  @Autowired protected InMemorySecrets secrets;
  @Autowired protected InMemoryCertificates certificates;
  @Autowired protected InMemoryMailDomains mailDomains;
  @Autowired protected InMemoryMailboxes mailboxes;
  @Autowired protected InMemoryMailAliases mailAliases;
  @Autowired protected InMemorySubscriptions subscriptions;
  @Autowired protected InMemoryInvoices invoices;
  @Autowired private List<Resettable> fakes;

  @BeforeEach
  void setUpVaadin() {
    fakes.forEach(Resettable::reset);
    Function0<UI> uiFactory = UI::new;
    MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
  }

  @AfterEach
  void tearDownVaadin() {
    SecurityContextHolder.clearContext();
    MockVaadin.tearDown();
  }

  /** Signs in as a new customer with this email, as the login form would. */
  protected Customer signIn(String email) {
    return signIn(customers.add(email, Customer.ROLE_CUSTOMER));
  }

  protected Customer signIn(Customer customer) {
    BerthUser user = BerthUser.of(customer);
    UsernamePasswordAuthenticationToken authentication =
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    SecurityContextHolder.getContext().setAuthentication(authentication);
    FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
    request.setUserPrincipalInt(authentication);
    request.setUserInRole((principal, role) -> role.equals(customer.role()));
    // A browser loads a fresh page after signing in; so does the test.
    UI.getCurrent().getPage().reload();
    return customer;
  }

  protected static void navigate(String location) {
    UI.getCurrent().navigate(location);
  }

  /**
   * Where the page has sent the browser ({@code Page.setLocation}, {@code Page.open}) since the
   * last response, without Karibu's round trip that would drop those scripts.
   */
  protected static List<String> locationsOpened() {
    UI ui = UI.getCurrent();
    ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
    return ui.getInternals().dumpPendingJavaScriptInvocations().stream()
        .map(pending -> pending.getInvocation())
        .filter(invocation -> invocation.getExpression().contains("window.open($0, $1)"))
        .map(invocation -> String.valueOf(invocation.getParameters().get(0)))
        .toList();
  }

  /** The view the UI shows now. */
  protected static Component currentView() {
    return (Component) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
  }
}
