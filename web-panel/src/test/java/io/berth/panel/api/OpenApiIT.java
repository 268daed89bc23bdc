package io.berth.panel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiIT extends ApiTestSupport {

  @Test
  void theOpenApiDocumentListsEveryCall() {
    Answer document = get("/v3/api-docs", null);

    assertThat(document.status()).isEqualTo(200);
    List<String> paths = new ArrayList<>();
    document.body().path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths)
        .contains(
            "/api/v1/signup",
            "/api/v1/tokens",
            "/api/v1/plans",
            "/api/v1/orders",
            "/api/v1/orders/{id}",
            "/api/v1/orders/{id}/cancel",
            "/api/v1/sites",
            "/api/v1/sites/{id}",
            "/api/v1/sites/{id}/start",
            "/api/v1/sites/{id}/stop",
            "/api/v1/sites/{id}/restart",
            "/api/v1/sites/{id}/certificate",
            "/api/v1/sites/{id}/certificate/retry",
            "/api/v1/domains",
            "/api/v1/domains/{id}",
            "/api/v1/domains/{id}/dns-check",
            "/api/v1/domains/{id}/records",
            "/api/v1/domains/{id}/records/{name}/{type}",
            "/api/v1/domains/{id}/site",
            "/api/v1/admin/orders",
            "/api/v1/admin/orders/{id}/mark-paid");
    assertThat(document.body().path("components").path("securitySchemes").has("bearer")).isTrue();
  }
}
