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
  void givenNoSettings_itOffersTheBuiltInApps() {
    var catalog = AppCatalog.withDefaults(Map.of());

    assertThat(catalog.names()).containsExactly("node", "php", "static", "wordpress");
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
    for (String name : catalog.names()) {
      AppDefinition app = catalog.require(name);
      assertThat(app.image()).isEqualTo("berth/" + name + ":1");
      assertThat(app.port()).isEqualTo(8080);
      assertThat(app.dataPath()).isEqualTo("/srv/site");
      assertThat(app.readOnlyRootfs()).isTrue();
      assertThat(app.tmpfs()).containsExactly("/tmp", "/run");
      assertThat(app.capAdd()).isEmpty();
    }
  }

  @Test
  void theBuiltInAppsSayWhatDatabaseAndInstallTheyNeed() {
    var catalog = AppCatalog.withDefaults(Map.of());

    assertThat(catalog.require("static").database()).isEqualTo(AppDatabase.NONE);
    assertThat(catalog.require("static").env()).isEmpty();
    for (String app : List.of("php", "node")) {
      assertThat(catalog.require(app).database()).isEqualTo(AppDatabase.OPTIONAL);
      assertThat(catalog.require(app).env())
          .containsOnlyKeys("BERTH_DB_HOST", "BERTH_DB_NAME", "BERTH_DB_USER", "BERTH_DB_PASSWORD")
          .containsEntry("BERTH_DB_HOST", "${db.host}:${db.port}")
          .containsEntry("BERTH_DB_PASSWORD", "${db.password}");
      assertThat(catalog.require(app).installs()).isFalse();
    }
    AppDefinition wordpress = catalog.require("wordpress");
    assertThat(wordpress.database()).isEqualTo(AppDatabase.REQUIRED);
    assertThat(wordpress.env())
        .containsEntry("BERTH_SITE_URL", "${site.url}")
        .containsEntry("BERTH_WP_SALT", "${site.salt}")
        .containsKey("BERTH_DB_NAME");
    assertThat(wordpress.install())
        .containsExactly(
            "berth-wp-install",
            "--title",
            "${site.title}",
            "--admin-user",
            "${admin.user}",
            "--admin-email",
            "${admin.email}",
            "--admin-password-stdin");
  }

  @Test
  void givenSettingsForStatic_theyOverrideOnlyTheFieldsGiven() {
    var catalog =
        AppCatalog.withDefaults(
            Map.of(
                "static",
                settings("registry.example.com/berth/static:1.4", null, null, null, null, null)));

    AppDefinition app = catalog.require("static");
    assertThat(app.image()).isEqualTo("registry.example.com/berth/static:1.4");
    assertThat(app.port()).isEqualTo(8080);
    assertThat(app.dataPath()).isEqualTo("/srv/site");
    assertThat(app.readOnlyRootfs()).isTrue();
  }

  @Test
  void givenEnvSettingsForABuiltInApp_theyAddToItsVariables_andInstallIsReplaced() {
    var wordpress =
        new AppCatalog.Settings(
            "registry.example.com/wordpress:6",
            null,
            null,
            null,
            null,
            null,
            Map.of("WP_DEBUG", "false", "BERTH_SITE_URL", "${site.url}/blog"),
            null,
            List.of());

    AppDefinition app =
        AppCatalog.withDefaults(Map.of("wordpress", wordpress)).require("wordpress");

    assertThat(app.env())
        .containsEntry("WP_DEBUG", "false")
        .containsEntry("BERTH_SITE_URL", "${site.url}/blog")
        .containsEntry("BERTH_DB_USER", "${db.user}");
    assertThat(app.database()).isEqualTo(AppDatabase.REQUIRED);
    assertThat(app.installs()).isFalse();
  }

  @Test
  void givenANewApp_itNeedsImagePortAndDataPath() {
    var ghost =
        new AppCatalog.Settings(
            "ghost:5",
            2368,
            "/var/lib/ghost/content",
            List.of("CHOWN", "cap_setuid"),
            false,
            null,
            Map.of("database__connection__host", "${db.host}"),
            AppDatabase.REQUIRED,
            null);

    var catalog = AppCatalog.withDefaults(Map.of("ghost", ghost));

    assertThat(catalog.names()).containsExactly("ghost", "node", "php", "static", "wordpress");
    assertThat(catalog.require("ghost").capAdd()).containsExactly("CHOWN", "cap_setuid");
    assertThat(catalog.require("ghost").tmpfs()).isEmpty();
    assertThat(catalog.require("ghost").database()).isEqualTo(AppDatabase.REQUIRED);
    assertThatThrownBy(
            () ->
                AppCatalog.withDefaults(
                    Map.of("deno", settings("deno:1", null, null, null, null, null))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("berth.apps.deno.image, .port and .data-path are required");
  }

  @Test
  void givenAnUnknownCapability_theCatalogRefusesToLoad() {
    var settings = settings("berth/x:1", 80, "/data", List.of("FLY"), null, null);

    assertThatThrownBy(() -> AppCatalog.withDefaults(Map.of("x-app", settings)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown capability \"FLY\"");
  }

  @Test
  void givenAnUnknownPlaceholder_theCatalogRefusesToLoad() {
    var typo = withEnv(Map.of("DB_PASS", "${db.pasword}"), AppDatabase.OPTIONAL, null);
    var adminPasswordAsArgument =
        withEnv(Map.of(), AppDatabase.NONE, List.of("install", "--password", "${db.password}"));

    assertThatThrownBy(() -> AppCatalog.withDefaults(Map.of("x", typo)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("App \"x\": env DB_PASS uses ${db.pasword}, which is not one of");
    assertThatThrownBy(() -> AppCatalog.withDefaults(Map.of("x", adminPasswordAsArgument)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("install uses ${db.password}");
  }

  @Test
  void givenDatabaseVariablesForAnAppWithoutDatabase_theCatalogRefusesToLoad() {
    var settings = withEnv(Map.of("DB", "${db.name}"), AppDatabase.NONE, null);

    assertThatThrownBy(() -> AppCatalog.withDefaults(Map.of("x", settings)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("env DB needs a database but the app's database is NONE");
  }

  @Test
  void givenABadVariableName_theCatalogRefusesToLoad() {
    var settings = withEnv(Map.of("NOT-A-NAME", "x"), AppDatabase.NONE, null);

    assertThatThrownBy(() -> AppCatalog.withDefaults(Map.of("x", settings)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"NOT-A-NAME\" is not an environment variable name");
  }

  @Test
  void givenAnUnknownApp_itFailsPermanentlyWithInvalidInput() {
    var catalog = AppCatalog.withDefaults(Map.of());

    assertThatThrownBy(() -> catalog.require("cobol"))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.type()).isEqualTo(FailureType.INVALID_INPUT))
        .hasMessage("Unknown app \"cobol\": this host offers node, php, static, wordpress.");
  }

  private static AppCatalog.Settings settings(
      String image,
      Integer port,
      String dataPath,
      List<String> capAdd,
      Boolean readOnlyRootfs,
      List<String> tmpfs) {
    return new AppCatalog.Settings(
        image, port, dataPath, capAdd, readOnlyRootfs, tmpfs, null, null, null);
  }

  private static AppCatalog.Settings withEnv(
      Map<String, String> env, AppDatabase database, List<String> install) {
    return new AppCatalog.Settings(
        "berth/x:1", 8080, "/data", null, null, null, env, database, install);
  }
}
