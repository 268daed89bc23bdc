package io.berth.persistence.account;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface ApiTokenRepository extends ListCrudRepository<ApiToken, Long> {

  Optional<ApiToken> findByTokenSha256(String tokenSha256);
}
