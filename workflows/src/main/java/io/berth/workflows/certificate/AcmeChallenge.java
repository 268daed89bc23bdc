package io.berth.workflows.certificate;

/**
 * One challenge to publish before the CA validates. HTTP-01: {@code name} is the token (the file
 * name under {@code /.well-known/acme-challenge/}) and {@code content} the key authorization.
 * DNS-01: {@code name} is the TXT record's owner ({@code _acme-challenge.example.test}) and {@code
 * content} its value. Both values are public by design (the CA reads them from the internet).
 */
public record AcmeChallenge(ChallengeType type, String identifier, String name, String content) {}
