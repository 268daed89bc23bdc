package io.berth.activities.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The Spring wiring, without touching an engine (creating a client does not connect). */
class DockerConfigTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(DockerConfig.class);

  @Test
  void givenProperties_itBindsTheEngineAndTheCatalog() {
    context
        .withPropertyValues(
            "berth.docker.host=unix:///run/berth-test/docker.sock",
            "berth.docker.response-timeout=30s",
            "berth.apps.static.image=registry.example.com/berth/static:2",
            "berth.apps.wordpress.image=berth/wordpress:1",
            "berth.apps.wordpress.port=8080",
            "berth.apps.wordpress.data-path=/var/www/html/wp-content",
            "berth.apps.wordpress.cap-add=CHOWN,SETUID,SETGID",
            "berth.apps.wordpress.read-only-rootfs=false",
            "berth.apps.wordpress.install=",
            "berth.apps.ghost.image=ghost:5",
            "berth.apps.ghost.port=2368",
            "berth.apps.ghost.data-path=/var/lib/ghost/content",
            "berth.apps.ghost.database=required",
            "berth.apps.ghost.env[database__connection__host]=${db.host}",
            "berth.apps.ghost.env[url]=${site.url}",
            "berth.apps.ghost.install=ghost-setup,--title,${site.title}")
        .run(
            ctx -> {
              assertThat(ctx).hasSingleBean(DockerClient.class);
              assertThat(ctx.getBean(DockerProperties.class).endpoint())
                  .isEqualTo("unix:///run/berth-test/docker.sock");
              assertThat(ctx.getBean(ContainerRuntime.class))
                  .isInstanceOf(DockerContainerRuntime.class)
                  .hasToString("DockerContainerRuntime[unix:///run/berth-test/docker.sock]");

              AppCatalog catalog = ctx.getBean(AppCatalog.class);
              assertThat(catalog.names())
                  .containsExactly("ghost", "node", "php", "static", "wordpress");
              assertThat(catalog.require("static").image())
                  .isEqualTo("registry.example.com/berth/static:2");
              assertThat(catalog.require("static").port()).isEqualTo(8080);
              AppDefinition wordpress = catalog.require("wordpress");
              assertThat(wordpress.capAdd()).containsExactly("CHOWN", "SETUID", "SETGID");
              assertThat(wordpress.readOnlyRootfs()).isFalse();
              assertThat(wordpress.dataPath()).isEqualTo("/var/www/html/wp-content");
              assertThat(wordpress.database()).isEqualTo(AppDatabase.REQUIRED);
              assertThat(wordpress.installs()).as("install= turns the install off").isFalse();

              // Placeholders reach the catalog as they were written, names keep their case.
              AppDefinition ghost = catalog.require("ghost");
              assertThat(ghost.database()).isEqualTo(AppDatabase.REQUIRED);
              assertThat(ghost.env())
                  .containsExactly(
                      Map.entry("database__connection__host", "${db.host}"),
                      Map.entry("url", "${site.url}"));
              assertThat(ghost.install())
                  .containsExactly("ghost-setup", "--title", "${site.title}");
            });
  }

  @Test
  void givenEnvironmentVariables_theyPointTheCatalogAtOtherImages() {
    Map<String, Object> variables =
        Map.of(
            "BERTH_APPS_STATIC_IMAGE", "registry.example.com/berth/static:1.4",
            "BERTH_DOCKER_HOST", "tcp://10.0.0.5:2376");
    context
        .withInitializer(
            ctx ->
                ctx.getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        new SystemEnvironmentPropertySource(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            variables)))
        .run(
            ctx -> {
              assertThat(ctx.getBean(AppCatalog.class).require("static").image())
                  .isEqualTo("registry.example.com/berth/static:1.4");
              assertThat(ctx.getBean(DockerProperties.class).endpoint())
                  .isEqualTo("tcp://10.0.0.5:2376");
            });
  }

  @Test
  void givenNoHost_itUsesDockerHostFromTheEnvironmentElseTheLocalSocket() {
    var unset = DockerProperties.defaults();

    assertThat(unset.endpoint(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2376")::get))
        .isEqualTo("tcp://10.0.0.5:2376");
    assertThat(unset.endpoint(name -> null)).isEqualTo("unix:///var/run/docker.sock");
    assertThat(unset.endpoint(Map.of("DOCKER_HOST", " ")::get))
        .isEqualTo("unix:///var/run/docker.sock");
  }
}
