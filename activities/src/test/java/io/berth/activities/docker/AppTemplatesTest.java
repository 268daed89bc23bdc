package io.berth.activities.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AppTemplatesTest {

  @Test
  void placeholdersAreReplacedByTheirValuesTakenLiterally() {
    Map<String, String> values =
        Map.of("db.host", "berth-db-7", "db.port", "3306", "db.password", "a$1\\b");

    assertThat(AppTemplates.render("${db.host}:${db.port}", values::get))
        .isEqualTo("berth-db-7:3306");
    assertThat(AppTemplates.render("${db.password}", values::get)).isEqualTo("a$1\\b");
    assertThat(AppTemplates.render("plain $HOME value", values::get))
        .isEqualTo("plain $HOME value");
  }

  @Test
  void aTemplateSaysWhetherItNeedsADatabase() {
    assertThat(AppTemplates.needsDatabase("${db.host}:${db.port}")).isTrue();
    assertThat(AppTemplates.needsDatabase("${site.url}")).isFalse();
    assertThat(AppTemplates.placeholders("${site.url}/x?${site.name}"))
        .containsExactly("site.url", "site.name");
  }

  @Test
  void aPlaceholderWithoutValueIsAnError() {
    assertThatThrownBy(() -> AppTemplates.render("${site.salt}", name -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No value for ${site.salt}");
  }
}
