package io.berth.panel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * A page's one watch on a {@link LiveFeed}: started when the page is attached, stopped when it is
 * detached; every snapshot is rendered inside the page's UI lock (pushed to the browser).
 */
public final class LiveWatch {

  private Registration registration;

  /** Watches object {@code id}, ending any earlier watch of this page. */
  public <T> void start(LiveFeed<T> feed, UI ui, long id, Consumer<T> render) {
    stop();
    registration = feed.watch(id, snapshot -> ui.access(() -> render.accept(snapshot)));
  }

  public void stop() {
    if (registration != null) {
      registration.remove();
      registration = null;
    }
  }
}
