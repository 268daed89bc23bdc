package io.berth.panel.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/signup} and {@code POST /api/v1/tokens}: the way into the API. */
@RestController
@Tag(name = "Accounts")
class AccountApi {

  private final AccountService accounts;

  AccountApi(AccountService accounts) {
    this.accounts = accounts;
  }

  @PostMapping("/api/v1/signup")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a customer account",
      description =
          "Password: at least 10 characters of at least two kinds, at most 72 bytes in UTF-8.")
  @SecurityRequirements
  Created signUp(@RequestBody Credentials body) {
    return new Created(accounts.signUp(body.email(), body.password()));
  }

  @PostMapping("/api/v1/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Get an API token (valid 30 days)",
      description = "Send it as \"Authorization: Bearer <token>\". It is shown only once.")
  @SecurityRequirements
  Token token(@RequestBody Credentials body) {
    IssuedToken token = accounts.issueToken(body.email(), body.password());
    return new Token(token.token(), token.expiresAt());
  }

  record Credentials(String email, String password) {

    @Override
    public String toString() {
      return "Credentials[" + email + "]";
    }
  }

  record Created(long id) {}

  record Token(String token, Instant expiresAt) {}
}
