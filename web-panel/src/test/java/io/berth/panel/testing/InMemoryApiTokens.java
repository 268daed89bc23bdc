package io.berth.panel.testing;

import io.berth.persistence.account.ApiToken;
import io.berth.persistence.account.ApiTokenRepository;
import java.util.Optional;

public class InMemoryApiTokens extends InMemoryRepository<ApiToken> implements ApiTokenRepository {

  @Override
  protected Long idOf(ApiToken t) {
    return t.id();
  }

  @Override
  protected ApiToken withId(ApiToken t, long id) {
    return new ApiToken(id, t.customerId(), t.tokenSha256(), t.createdAt(), t.expiresAt());
  }

  @Override
  public Optional<ApiToken> findByTokenSha256(String tokenSha256) {
    return where(t -> t.tokenSha256().equals(tokenSha256)).stream().findFirst();
  }
}
