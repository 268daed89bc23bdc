package io.berth.panel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Copies a value (a password shown once) to the clipboard through the browser's Clipboard API:
 * Vaadin has no clipboard component, and this needs no npm package.
 */
public class CopyButton extends Button {

  /** Writes {@code $0}; answers false where the browser has no Clipboard API or refuses. */
  static final String COPY =
      "return navigator.clipboard"
          + " ? navigator.clipboard.writeText($0).then(() => true, () => false)"
          + " : false";

  public CopyButton(String value) {
    super("Copy", VaadinIcon.COPY.create());
    addThemeVariants(ButtonVariant.LUMO_SMALL);
    getElement().setAttribute("title", "Copy to the clipboard");
    addClickListener(
        e ->
            getElement()
                .executeJs(COPY, value)
                .then(
                    Boolean.class,
                    copied -> {
                      if (Boolean.TRUE.equals(copied)) {
                        Notices.info("Copied to the clipboard.");
                      } else {
                        Notices.error("Your browser did not let us copy; select it and copy it.");
                      }
                    }));
  }
}
