package io.berth.panel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthApiIT extends ApiTestSupport {

  @Test
  void withoutAToken_itAnswers401AsAProblem() {
    Answer answer = get("/api/v1/orders", null).assertProblem(401);

    assertThat(answer.wwwAuthenticate()).isEqualTo("Bearer");
    assertThat(answer.detail()).contains("Authorization: Bearer");
    get("/api/v1/sites", null).assertProblem(401);
    post("/api/v1/orders", null, Map.of("planId", 1)).assertProblem(401);
  }

  @Test
  void withABadToken_itAnswers401AsAProblem() {
    Answer answer = get("/api/v1/orders", "not-a-token").assertProblem(401);

    assertThat(answer.detail()).contains("unknown or has expired");
    get("/api/v1/orders", "A".repeat(43)).assertProblem(401);
  }

  @Test
  void plansArePublic() {
    Answer plans = get("/api/v1/plans", null);

    assertThat(plans.status()).isEqualTo(200);
    assertThat(plans.body().findValuesAsText("code")).contains("trial", "starter", "business");
    assertThat(plans.body().get(0).path("limits").path("memoryMb").asInt()).isPositive();
  }

  @Test
  void signUpThenTokenThenAuthenticatedCalls() {
    Account account = newCustomer();

    Answer orders = get("/api/v1/orders", account.token());

    assertThat(orders.status()).isEqualTo(200);
    assertThat(orders.body().isArray()).isTrue();
    assertThat(orders.body()).isEmpty();
  }

  @Test
  void signUpRefusesBadInputFieldByField() {
    Answer answer =
        post("/api/v1/signup", null, Map.of("email", "not-an-email", "password", "short"))
            .assertProblem(400);

    assertThat(answer.fieldError("email").path("message").asText())
        .isEqualTo("Enter an email address like name@example.com.");
    assertThat(answer.fieldError("password").path("message").asText())
        .isEqualTo("Use at least 10 characters.");
  }

  @Test
  void signUpRefusesATakenEmail() {
    Account account = newCustomer();

    Answer answer =
        post(
                "/api/v1/signup",
                null,
                Map.of("email", account.email().toUpperCase(), "password", PASSWORD))
            .assertProblem(409);

    assertThat(answer.fieldError("email")).isNotNull();
  }

  @Test
  void aWrongPasswordGetsNoToken() {
    Account account = newCustomer();

    Answer answer =
        post("/api/v1/tokens", null, Map.of("email", account.email(), "password", "Wrong pass 99"))
            .assertProblem(401);

    assertThat(answer.detail()).isEqualTo("The email or the password is wrong.");
  }

  @Test
  void malformedJsonIsA400Problem() {
    Answer answer = postRaw("/api/v1/signup", null, "{\"email\": ").assertProblem(400);

    assertThat(answer.detail()).contains("not a JSON object");
  }

  @Test
  void supportCallsNeedTheSupportRole() {
    Account customer = newCustomer();

    get("/api/v1/admin/orders", customer.token()).assertProblem(403);
    post("/api/v1/admin/orders/1/mark-paid", customer.token(), null).assertProblem(403);
  }

  @Test
  void anUnknownCallIsA404Problem() {
    Account customer = newCustomer();

    get("/api/v1/nothing-here", customer.token()).assertProblem(404);
  }
}
