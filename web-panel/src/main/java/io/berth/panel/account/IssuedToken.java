package io.berth.panel.account;

import java.time.Instant;

/** A fresh API token; only its hash is stored, so this is the one time anyone sees it. */
public record IssuedToken(String token, Instant expiresAt) {}
