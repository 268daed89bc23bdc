package io.berth.panel.mail;

/**
 * What to change on a mailbox; null fields stay as they are.
 *
 * @param displayName an empty one removes it
 */
record MailboxChange(String password, Integer quotaMb, String displayName) {

  boolean isEmpty() {
    return password == null && quotaMb == null && displayName == null;
  }

  /** Never shows the password, should the record end up in a log or an assertion message. */
  @Override
  public String toString() {
    return "MailboxChange[password="
        + (password == null ? "unchanged" : "new")
        + ", quotaMb="
        + quotaMb
        + ", displayName="
        + displayName
        + "]";
  }
}
