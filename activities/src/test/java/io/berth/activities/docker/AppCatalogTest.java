package io.berth.activities.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppCatalogTest {

  @Test
  void givenNoSettings_itOffersTheBuiltInStaticApp() {
    var catalog = AppCatalog.withDefaults(Map.of());

    assertThat(catalog.names()).containsExactly("static");
    assertThat(catalog.require("static"))
        .isEqualTo(
            new AppDefinition(
                "static",
                "berth/static:1",
                8080,
                "/srv/site",
                List.of(),
                true,
                List.of("/tmp", "/run")));
  }

  @Test
  void givenSettingsForStatic_theyOverrideOnlyTheFieldsGiven() {
    var catalog =
        AppCatalog.withDefaults(
            Map.of(
                "static",
                new AppCatalog.Settings(
                    "registry.example.com/berth/static:1.4", null, null, null, null, null)));

    AppDefinition app = catalog.require("static");
    assertThat(app.image()).isEqualTo("registry.example.com/berth/static:1.4");
    assertThat(app.port()).isEqualTo(8080);
    assertThat(app.dataPath()).isEqualTo("/srv/site");
    assertThat(app.readOnlyRootfs()).isTrue();
  }

  @Test
  void givenANewApp_itNeedsImagePortAndDataPath() {
    var wordpress =
        new AppCatalog.Settings(
            "berth/wordpress:1",
            8080,
            "/var/www/html/wp-content",
            List.of("CHOWN", "cap_setuid"),
            false,
            null);

    var catalog = AppCatalog.withDefaults(Map.of("wordpress", wordpress));

    assertThat(catalog.names()).containsExactly("static", "wordpress");
    assertThat(catalog.require("wordpress").capAdd()).containsExactly("CHOWN", "cap_setuid");
    assertThat(catalog.require("wordpress").tmpfs()).isEmpty();
    assertThatThrownBy(
            () ->
                AppCatalog.withDefaults(
                    Map.of(
                        "node",
                        new AppCatalog.Settings("berth/node:1", null, null, null, null, null))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("berth.apps.node.image, .port and .data-path are required");
  }

  @Test
  void givenAnUnknownCapability_theCatalogRefusesToLoad() {
    var settings = new AppCatalog.Settings("berth/x:1", 80, "/data", List.of("FLY"), null, null);

    assertThatThrownBy(() -> AppCatalog.withDefaults(Map.of("x-app", settings)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown capability \"FLY\"");
  }

  @Test
  void givenAnUnknownApp_itFailsPermanentlyWithInvalidInput() {
    var catalog = AppCatalog.withDefaults(Map.of());

    assertThatThrownBy(() -> catalog.require("cobol"))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessage("Unknown app \"cobol\": this host offers static.");
  }
}
