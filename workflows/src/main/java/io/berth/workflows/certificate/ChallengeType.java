package io.berth.workflows.certificate;

/** How the CA checks control of the names. */
public enum ChallengeType {
  /** A file under {@code /.well-known/acme-challenge/} served by the host's nginx on port 80. */
  HTTP_01,
  /** A TXT record {@code _acme-challenge.<name>} on Berth's DNS; needed for wildcards. */
  DNS_01
}
