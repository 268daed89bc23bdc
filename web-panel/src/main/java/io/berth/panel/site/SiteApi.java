package io.berth.panel.site;

import io.berth.panel.common.NotFoundException;
import io.berth.panel.security.BerthUser;
import io.berth.workflows.site.SiteAction;
import io.berth.workflows.site.SiteStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/sites}: the caller's sites and their start / stop / restart actions. */
@RestController
@RequestMapping("/api/v1/sites")
@Tag(name = "Sites")
class SiteApi {

  private final SiteService sites;

  SiteApi(SiteService sites) {
    this.sites = sites;
  }

  @GetMapping
  @Operation(summary = "Your sites, oldest first")
  List<SiteAnswer> sites(@AuthenticationPrincipal BerthUser user) {
    return sites.sitesOf(user.caller()).stream().map(SiteAnswer::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One of your sites")
  SiteAnswer site(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return SiteAnswer.of(sites.site(user.caller(), id));
  }

  @PostMapping("/{id}/start")
  @Operation(summary = "Start a stopped site (202 once its workflow accepted; 409 if not live)")
  ResponseEntity<ActionAnswer> start(
      @AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return perform(user, id, SiteAction.START);
  }

  @PostMapping("/{id}/stop")
  @Operation(summary = "Stop a running site (202 once its workflow accepted; 409 if not live)")
  ResponseEntity<ActionAnswer> stop(
      @AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return perform(user, id, SiteAction.STOP);
  }

  @PostMapping("/{id}/restart")
  @Operation(summary = "Restart a site (202 once its workflow accepted; 409 if not live)")
  ResponseEntity<ActionAnswer> restart(
      @AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return perform(user, id, SiteAction.RESTART);
  }

  @GetMapping("/{id}/admin-credentials")
  @Operation(
      summary = "The wp-admin user and generated password of a WordPress site",
      description =
          "Kept from the install until you confirm you saved it (DELETE); 404 before the install,"
              + " after that, and for other apps. Change the password in wp-admin after you sign"
              + " in.")
  CredentialsAnswer adminCredentials(
      @AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return sites
        .adminCredentials(user.caller(), id)
        .map(CredentialsAnswer::of)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Site "
                        + id
                        + " has no wp-admin password to show: it is shown once, from the install"
                        + " until you confirm you saved it, and only for WordPress sites. Lost it?"
                        + " Use \"Lost your password?\" in wp-admin."));
  }

  @DeleteMapping("/{id}/admin-credentials")
  @Operation(summary = "Forget the wp-admin password once you saved it (204; also if already gone)")
  ResponseEntity<Void> forgetAdminCredentials(
      @AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    sites.forgetAdminCredentials(user.caller(), id);
    return ResponseEntity.noContent().build();
  }

  private ResponseEntity<ActionAnswer> perform(BerthUser user, long id, SiteAction action) {
    sites.perform(user.caller(), id, action);
    return ResponseEntity.accepted()
        .body(new ActionAnswer(id, action.name().toLowerCase(Locale.ROOT), "accepted"));
  }

  /**
   * @param adminUrl the WordPress site's wp-admin; null for other apps
   */
  record SiteAnswer(
      long id, String name, String app, SiteStatus status, String url, String adminUrl) {

    static SiteAnswer of(SiteSummary site) {
      return new SiteAnswer(
          site.id(), site.name(), site.app(), site.status(), site.url(), site.adminUrl());
    }
  }

  record CredentialsAnswer(long siteId, String user, String password, String loginUrl) {

    static CredentialsAnswer of(AdminCredentials credentials) {
      return new CredentialsAnswer(
          credentials.siteId(), credentials.user(), credentials.password(), credentials.loginUrl());
    }
  }

  record ActionAnswer(long id, String action, String state) {}
}
