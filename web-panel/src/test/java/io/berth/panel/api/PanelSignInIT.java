package io.berth.panel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The panel's sign-in form, as a browser uses it. */
class PanelSignInIT extends ApiTestSupport {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Test
  void signingInChangesTheSessionIdAndTheSessionCookieDoesNotOpenTheApi() {
    Account ada = newCustomer();
    String csrf = csrfFromLoginPage();
    String before = sessionId();

    HttpResponse<String> signedIn = signIn(ada.email(), PASSWORD, csrf);

    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/");
    assertThat(sessionId()).isNotNull().isNotEqualTo(before);
    assertThat(browse("/api/v1/orders").statusCode()).isEqualTo(401);
    assertThat(browse("/orders").statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordGoesBackToTheFormWithAnError() {
    Account ada = newCustomer();

    HttpResponse<String> refused = signIn(ada.email(), "Wrong pass 99", csrfFromLoginPage());

    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
  }

  private String csrfFromLoginPage() {
    HttpResponse<String> page = browse("/login");
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher token = CSRF.matcher(page.body());
    assertThat(token.find()).as("CSRF token in the login page").isTrue();
    return token.group(1);
  }

  private HttpResponse<String> signIn(String email, String password, String csrf) {
    String form =
        "username=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
    return send(
        HttpRequest.newBuilder(uri("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  private HttpResponse<String> browse(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  private String sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return browser.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
