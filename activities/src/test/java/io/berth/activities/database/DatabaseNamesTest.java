package io.berth.activities.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseNamesTest {

  @Test
  void namesOfServerObjectsFollowTheCustomerId() {
    assertThat(DatabaseNames.container(42)).isEqualTo("berth-db-42");
    assertThat(DatabaseNames.volume(42)).isEqualTo("berth-db-42-data");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "shop_db", "WordPress2", "x_"})
  void givenAValidName_itIsAccepted(String name) {
    assertThat(DatabaseNames.requireDatabase(name)).isEqualTo(name);
    assertThat(DatabaseNames.requireUser(name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "_a", "1a", "a-b", "a.b", "a`b", "a'b", "a b", "é", "MySQL", "sys", "TEST"})
  void givenABadDatabaseName_itIsInvalidInput(String name) {
    assertThatThrownBy(() -> DatabaseNames.requireDatabase(name))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT));
  }

  @Test
  void givenTooLongNames_theyAreInvalidInput() {
    assertThat(DatabaseNames.requireDatabase("d".repeat(64))).hasSize(64);
    assertThatThrownBy(() -> DatabaseNames.requireDatabase("d".repeat(65)))
        .isInstanceOf(PermanentException.class);
    assertThat(DatabaseNames.requireUser("u".repeat(32))).hasSize(32);
    assertThatThrownBy(() -> DatabaseNames.requireUser("u".repeat(33)))
        .isInstanceOf(PermanentException.class);
    assertThatThrownBy(() -> DatabaseNames.requireUser("Root"))
        .isInstanceOf(PermanentException.class);
  }

  @Test
  void grantTargetEscapesWildcards_andLiteralsEscapeQuotesAndBackslashes() {
    assertThat(MariaDbCustomerDatabases.grantTarget("shop_1")).isEqualTo("`shop\\_1`.*");
    assertThat(MariaDbCustomerDatabases.literal(Secret.of("abc'def\\ghi%_jk")))
        .isEqualTo("'abc\\'def\\\\ghi%_jk'");
  }

  @Test
  void secretsNeverShowTheirValue() {
    Secret secret = Secret.of("correct-horse-battery");
    assertThat(secret).hasToString("Secret[***]");
    assertThat(secret.reveal()).isEqualTo("correct-horse-battery");
    assertThatThrownBy(() -> Secret.of("tab\tinside-it-long"))
        .isInstanceOf(PermanentException.class)
        .hasMessageNotContaining("inside");
    assertThatThrownBy(() -> Secret.of("x".repeat(129))).isInstanceOf(PermanentException.class);
  }
}
