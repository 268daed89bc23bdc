package io.berth.panel.usage;

import io.berth.panel.security.BerthUser;
import io.berth.panel.ui.PageBanner;
import io.berth.panel.usage.UsageService.HighUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The banner on every page while a site of the customer uses 90 % of its plan's memory or disk or
 * more, linking to that site's Usage page. One query over each site's newest sample, remembered per
 * customer for {@code berth.panel.usage-banner-cache} so moving between pages stays cheap.
 */
@Component
class UsageBanner implements PageBanner {

  static final String ID = "usage-banner";

  private static final Logger log = LoggerFactory.getLogger(UsageBanner.class);

  private final UsageService usage;
  private final Clock clock;
  private final Duration cacheFor;
  private final Map<Long, Remembered> remembered = new ConcurrentHashMap<>();

  UsageBanner(
      UsageService usage,
      Clock clock,
      @Value("${berth.panel.usage-banner-cache:30s}") Duration cacheFor) {
    this.usage = usage;
    this.clock = clock;
    this.cacheFor = cacheFor;
  }

  @Override
  public Optional<Message> message(BerthUser user) {
    Instant now = clock.instant();
    Remembered known = remembered.get(user.customerId());
    if (known != null && now.isBefore(known.until())) {
      return known.message();
    }
    try {
      Optional<Message> message = message(usage.highUsageOf(user.customerId()));
      remembered.put(user.customerId(), new Remembered(message, now.plus(cacheFor)));
      return message;
    } catch (RuntimeException e) {
      // A page must open even when its banner cannot be read.
      log.warn("Could not read the usage of customer {}: {}", user.customerId(), e.toString());
      return Optional.empty();
    }
  }

  private static Optional<Message> message(List<HighUsage> sites) {
    if (sites.isEmpty()) {
      return Optional.empty();
    }
    HighUsage first = sites.get(0);
    StringBuilder text =
        new StringBuilder("Your site ")
            .append(first.siteName())
            .append(": ")
            .append(String.join(" ", first.warnings()));
    int others = sites.size() - 1;
    if (others > 0) {
      text.append(
          others == 1
              ? " One more site is near its plan's limits too."
              : " " + others + " more sites are near their plans' limits too.");
    }
    return Optional.of(
        new Message(ID, text.toString(), "See its usage", "sites/" + first.siteId() + "/usage"));
  }

  private record Remembered(Optional<Message> message, Instant until) {}
}
