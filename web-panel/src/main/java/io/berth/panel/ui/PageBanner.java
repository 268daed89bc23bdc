package io.berth.panel.ui;

import io.berth.panel.security.BerthUser;
import java.util.Optional;

/**
 * Something every page of the panel tells a signed-in user until it is dealt with (a failed
 * payment, a suspension), shown by {@link MainLayout} above the page. Features provide it as a
 * bean.
 */
public interface PageBanner {

  /** What to say to this user now, if anything. */
  Optional<Message> message(BerthUser user);

  /**
   * @param id the banner's element id
   * @param text what happened and what to do
   * @param linkText the link to where it is dealt with
   * @param linkPath that page's route, e.g. {@code billing}
   */
  record Message(String id, String text, String linkText, String linkPath) {}
}
