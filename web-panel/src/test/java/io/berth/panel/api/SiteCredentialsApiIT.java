package io.berth.panel.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.persistence.secret.SecretNames;
import io.berth.persistence.secret.SecretStore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A WordPress site's wp-admin password, stored encrypted by the worker at install (here by the
 * test, through the same store), shown through the API until its owner says they saved it.
 */
class SiteCredentialsApiIT extends ApiTestSupport {

  @Autowired SecretStore secrets;

  @Test
  void theWpAdminPasswordIsShownUntilItsOwnerForgetsIt() {
    Account ada = newCustomer();
    long siteId = wordPressSite(ada);
    String path = "/api/v1/sites/" + siteId + "/admin-credentials";
    get(path, ada.token()).assertProblem(404);
    secrets.put(SecretNames.siteAdminPassword(siteId), "Generated-wp-admin-pw-1");

    Answer shown = get(path, ada.token());

    assertThat(shown.status()).as(shown.body().toString()).isEqualTo(200);
    assertThat(shown.body().path("user").asText()).isEqualTo("admin");
    assertThat(shown.body().path("password").asText()).isEqualTo("Generated-wp-admin-pw-1");
    assertThat(shown.body().path("loginUrl").asText()).endsWith(".berth.localhost:8880/wp-admin/");

    assertThat(delete(path, ada.token()).status()).isEqualTo(204);
    assertThat(secrets.read(SecretNames.siteAdminPassword(siteId))).isEmpty();
    Answer gone = get(path, ada.token()).assertProblem(404);
    assertThat(gone.detail()).contains("shown once");
    assertThat(delete(path, ada.token()).status()).isEqualTo(204);
  }

  @Test
  void anotherCustomersSiteCredentialsAreNotFound() {
    Account ada = newCustomer();
    Account bob = newCustomer();
    long siteId = wordPressSite(ada);
    secrets.put(SecretNames.siteAdminPassword(siteId), "Generated-wp-admin-pw-2");
    String path = "/api/v1/sites/" + siteId + "/admin-credentials";

    Answer read = get(path, bob.token()).assertProblem(404);
    delete(path, bob.token()).assertProblem(404);

    assertThat(read.body().toString()).doesNotContain("Generated-wp-admin-pw-2");
    assertThat(secrets.read(SecretNames.siteAdminPassword(siteId))).isPresent();
  }

  private long wordPressSite(Account account) {
    Answer placed =
        order(
            account,
            Map.of(
                "planId",
                planId("starter"),
                "siteName",
                unique("wp"),
                "app",
                "wordpress",
                "title",
                "A blog"));
    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
    long orderId = placed.body().path("id").asLong();
    return get("/api/v1/orders/" + orderId, account.token()).body().path("siteId").asLong();
  }
}
