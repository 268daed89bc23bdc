package io.berth.panel.order;

import io.berth.workflows.progress.Progress;

/** Where the panel reads an order's live steps from. */
interface ProgressSource {

  /**
   * The order's steps merged with its site's; pending steps if the workflows do not exist.
   *
   * @throws io.berth.panel.common.ServiceUnavailableException if the workflow service is down
   */
  Progress order(long orderId, long siteId);
}
