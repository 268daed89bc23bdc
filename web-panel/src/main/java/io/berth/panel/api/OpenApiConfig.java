package io.berth.panel.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: bearer tokens unless a call says otherwise. */
@Configuration
class OpenApiConfig {

  @Bean
  OpenAPI berthApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Berth API")
                .version("v1")
                .description(
                    "Everything a customer can do in the panel: sign up, get a token, order a"
                        + " plan with a site of an app (WordPress, static, PHP, Node.js), follow"
                        + " its steps, manage sites, databases, domains (DNS zones) and email"
                        + " (mailboxes, aliases). Errors are application/problem+json (RFC"
                        + " 9457)."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
