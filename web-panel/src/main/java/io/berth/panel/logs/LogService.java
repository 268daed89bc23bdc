package io.berth.panel.logs;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.host.HostAgent;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import java.io.InputStream;
import org.springframework.stereotype.Service;

/**
 * A customer's way to their sites' logs: checks the site is theirs and placed on a host, then opens
 * the log at that host's agent. The page and the API both read logs through it.
 */
@Service
class LogService {

  static final int DEFAULT_LINES = 200;
  static final int MAX_LINES = 10_000;
  static final String AGENT_UNREACHABLE =
      "The logs of this site cannot be reached right now: its host's agent does not answer.";

  private final SiteRepository sites;
  private final HostAgent agents;

  LogService(SiteRepository sites, HostAgent agents) {
    this.sites = sites;
    this.agents = agents;
  }

  /** The caller's site, ready to have its logs read; another customer's is not found. */
  SiteLogs site(Caller caller, long siteId) {
    Site site =
        sites
            .findById(siteId)
            .filter(found -> caller.canSee(found.customerId()))
            .orElseThrow(() -> new NotFoundException("site", siteId));
    if (site.hostId() == null) {
      throw new ConflictException(
          site.name()
              + " has not been placed on a host yet, so it has no logs; they appear here once it"
              + " is set up.");
    }
    return new SiteLogs(site.id(), site.name(), site.hostId());
  }

  /**
   * Opens the site's log at its host's agent: the last {@code tail} lines as NDJSON, oldest first,
   * and with {@code follow} the new ones as they come until the stream is closed. The caller closes
   * the stream.
   */
  InputStream open(SiteLogs site, LogSource source, int tail, boolean follow) {
    String path =
        "agent/v1/sites/"
            + site.siteId()
            + "/logs?source="
            + source.id()
            + "&tail="
            + tail
            + "&follow="
            + follow;
    try {
      return agents.open(site.hostId(), path);
    } catch (NotFoundException noContainer) {
      throw new ConflictException(
          site.name()
              + " has no container on its host right now, so there are no logs to show. If it"
              + " was just removed or is being set up again, look again in a moment.");
    } catch (ServiceUnavailableException down) {
      throw new ServiceUnavailableException(AGENT_UNREACHABLE, down);
    }
  }

  /** How many lines a request asks for: none given is {@value #DEFAULT_LINES}. */
  static int lines(String requested) {
    if (requested == null || requested.isBlank()) {
      return DEFAULT_LINES;
    }
    try {
      int lines = Integer.parseInt(requested.trim());
      if (lines >= 1 && lines <= MAX_LINES) {
        return lines;
      }
    } catch (NumberFormatException notANumber) {
      // Refused below in the same words.
    }
    throw InvalidInputException.of(
        "lines", "lines must be a whole number from 1 to " + MAX_LINES + ".");
  }
}
