package io.berth.panel.database;

import io.berth.panel.security.BerthUser;
import io.berth.workflows.database.DatabaseStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/databases}: the caller's MariaDB databases. */
@RestController
@RequestMapping("/api/v1/databases")
@Tag(name = "Databases")
class DatabaseApi {

  private final DatabaseService databases;

  DatabaseApi(DatabaseService databases) {
    this.databases = databases;
  }

  @GetMapping
  @Operation(
      summary = "Your databases, oldest first",
      description =
          "host and port are where your sites' containers reach your database server, on your"
              + " private network only. A WordPress site's own database is listed with"
              + " ownedBySite true.")
  List<DatabaseAnswer> databases(@AuthenticationPrincipal BerthUser user) {
    return databases.databasesOf(user.caller()).stream().map(DatabaseAnswer::of).toList();
  }

  @PostMapping
  @Operation(
      summary = "Create a database (and its user, of the same name)",
      description =
          "name: a lower-case letter first, then letters, digits or _, at most 32 characters,"
              + " unique among your databases. 201 once stored and its workflow started"
              + " (CREATING, then READY). 409 without a live site (the database runs next to"
              + " your sites) or when your plan's database limit is reached.")
  ResponseEntity<DatabaseAnswer> create(
      @AuthenticationPrincipal BerthUser user, @RequestBody CreateBody body) {
    DatabaseSummary created = databases.create(user.caller(), body.name());
    return ResponseEntity.created(URI.create("/api/v1/databases/" + created.id()))
        .body(DatabaseAnswer.of(created));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One of your databases")
  DatabaseAnswer database(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return DatabaseAnswer.of(databases.database(user.caller(), id));
  }

  @DeleteMapping("/{id}")
  @Operation(
      summary = "Delete a database with all its data",
      description =
          "202 once asked; DELETING until it is gone. A WordPress site's own database goes with"
              + " the site (409).")
  ResponseEntity<StatusAnswer> delete(
      @AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return ResponseEntity.accepted()
        .body(new StatusAnswer(id, databases.delete(user.caller(), id)));
  }

  @PostMapping("/{id}/password-reset")
  @Operation(
      summary = "Set a new generated password for the database's user",
      description =
          "200 with the new password, shown this once. A linked site gets it by itself (its"
              + " container is re-created). 409 for a WordPress site's own database, or one that"
              + " is not READY.")
  PasswordAnswer resetPassword(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return PasswordAnswer.of(databases.resetPassword(user.caller(), id));
  }

  @PutMapping("/{id}/site")
  @Operation(
      summary = "Link the database to one of your PHP or Node.js sites, or unlink it",
      description =
          "Body {\"siteId\": n} or {\"siteId\": null}. The site's container is re-created with"
              + " BERTH_DB_HOST, BERTH_DB_NAME, BERTH_DB_USER and BERTH_DB_PASSWORD (or without"
              + " them). A site uses one database at a time.")
  DatabaseAnswer link(
      @AuthenticationPrincipal BerthUser user,
      @PathVariable long id,
      @RequestBody(required = false) LinkBody body) {
    return DatabaseAnswer.of(
        databases.link(user.caller(), id, body == null ? null : body.siteId()));
  }

  record CreateBody(String name) {}

  record LinkBody(Long siteId) {}

  record StatusAnswer(long id, DatabaseStatus status) {}

  record PasswordAnswer(long id, String name, String user, String password) {

    static PasswordAnswer of(NewPassword password) {
      return new PasswordAnswer(
          password.databaseId(), password.name(), password.user(), password.password());
    }
  }

  record DatabaseAnswer(
      long id,
      String name,
      String user,
      String host,
      int port,
      DatabaseStatus status,
      Long siteId,
      String siteName,
      boolean ownedBySite,
      String failureReason) {

    static DatabaseAnswer of(DatabaseSummary database) {
      return new DatabaseAnswer(
          database.id(),
          database.name(),
          database.user(),
          database.host(),
          database.port(),
          database.status(),
          database.siteId(),
          database.siteName(),
          database.ownedBySite(),
          database.failureReason());
    }
  }
}
