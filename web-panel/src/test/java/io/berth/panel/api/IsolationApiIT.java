package io.berth.panel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Customer B cannot see or touch customer A's order and site: always 404, never 403. */
class IsolationApiIT extends ApiTestSupport {

  private Account alice;
  private Account bob;
  private long aliceOrder;
  private long aliceSite;

  @BeforeAll
  void aliceHasAnOrderAndASite() {
    alice = newCustomer();
    bob = newCustomer();
    aliceOrder = order(alice, planId("starter"), unique("alice")).body().path("id").asLong();
    aliceSite = get("/api/v1/orders/" + aliceOrder, alice.token()).body().path("siteId").asLong();
  }

  @Test
  void bobCannotReadAlicesOrderOrSite() {
    Answer order = get("/api/v1/orders/" + aliceOrder, bob.token()).assertProblem(404);
    get("/api/v1/sites/" + aliceSite, bob.token()).assertProblem(404);

    assertThat(order.body().toString()).doesNotContain("alice");
    assertThat(get("/api/v1/orders", bob.token()).body()).isEmpty();
    assertThat(get("/api/v1/sites", bob.token()).body()).isEmpty();
  }

  @Test
  void bobCannotCancelAlicesOrder() {
    post("/api/v1/orders/" + aliceOrder + "/cancel", bob.token(), null).assertProblem(404);

    assertThat(get("/api/v1/orders/" + aliceOrder, alice.token()).body().path("status").asText())
        .isEqualTo("AWAITING_PAYMENT");
  }

  @Test
  void bobCannotStartStopOrRestartAlicesSite() {
    for (String action : List.of("start", "stop", "restart")) {
      post("/api/v1/sites/" + aliceSite + "/" + action, bob.token(), null).assertProblem(404);
    }
  }

  @Test
  void anUnknownIdLooksTheSameAsSomeoneElses() {
    Answer unknown = get("/api/v1/orders/987654321", bob.token()).assertProblem(404);
    Answer theirs = get("/api/v1/orders/" + aliceOrder, bob.token()).assertProblem(404);

    assertThat(theirs.detail().replace(Long.toString(aliceOrder), "N"))
        .isEqualTo(unknown.detail().replace("987654321", "N"));
  }
}
