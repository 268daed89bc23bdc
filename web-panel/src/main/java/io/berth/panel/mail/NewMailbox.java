package io.berth.panel.mail;

/**
 * A mailbox as the customer asks for it, before any check.
 *
 * @param displayName optional
 * @param quotaMb null when not given
 */
record NewMailbox(String localPart, String displayName, String password, Integer quotaMb) {

  /** Never shows the password, should the record end up in a log or an assertion message. */
  @Override
  public String toString() {
    return "NewMailbox[localPart=" + localPart + ", quotaMb=" + quotaMb + "]";
  }
}
