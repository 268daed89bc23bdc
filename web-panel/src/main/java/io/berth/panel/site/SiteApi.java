package io.berth.panel.site;

import io.berth.panel.security.BerthUser;
import io.berth.workflows.site.SiteAction;
import io.berth.workflows.site.SiteStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

  private ResponseEntity<ActionAnswer> perform(BerthUser user, long id, SiteAction action) {
    sites.perform(user.caller(), id, action);
    return ResponseEntity.accepted()
        .body(new ActionAnswer(id, action.name().toLowerCase(Locale.ROOT), "accepted"));
  }

  record SiteAnswer(long id, String name, String app, SiteStatus status, String url) {

    static SiteAnswer of(SiteSummary site) {
      return new SiteAnswer(site.id(), site.name(), site.app(), site.status(), site.url());
    }
  }

  record ActionAnswer(long id, String action, String state) {}
}
