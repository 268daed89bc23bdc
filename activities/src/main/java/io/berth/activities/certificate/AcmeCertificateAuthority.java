package io.berth.activities.certificate;

import io.berth.activities.common.PermanentException;
import io.berth.persistence.secret.SecretNames;
import io.berth.persistence.secret.SecretStore;
import io.berth.workflows.certificate.AcmeChallenge;
import io.berth.workflows.certificate.ChallengeType;
import io.berth.workflows.certificate.ValidationResult;
import io.berth.workflows.common.FailureType;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.challenge.Dns01Challenge;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeLazyLoadingException;
import org.shredzone.acme4j.exception.AcmeNetworkException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.provider.AcmeProvider;

/**
 * {@link CertificateAuthority} with acme4j against the directory {@code berth.acme.directory-url}.
 * The account key is made once per directory and kept encrypted in the {@link SecretStore} (named
 * by a short hash of the directory URL); every call logs in with it, which finds the existing
 * account (RFC 8555 §7.3), so a CA that forgot its accounts (a Pebble restart) gets a new one
 * without anybody noticing. Polls at a short interval, honouring the CA's Retry-After up to {@link
 * Settings#maxPoll}, instead of acme4j's fixed 3 s.
 */
public final class AcmeCertificateAuthority implements CertificateAuthority {

  /** Settings; see {@link AcmeConfig.AcmeProperties}. */
  public record Settings(
      URI directory,
      Path trustedCa,
      String contactEmail,
      Duration validationTimeout,
      Duration issueTimeout,
      Duration maxPoll) {}

  private static final Duration MIN_POLL = Duration.ofMillis(100);
  private static final Set<String> PERMANENT_PROBLEMS =
      Set.of("rejectedIdentifier", "unsupportedIdentifier", "invalidContact", "unsupportedContact");

  private final Settings settings;
  private final SecretStore secrets;
  private final Supplier<AcmeProvider> provider;

  public AcmeCertificateAuthority(Settings settings, SecretStore secrets) {
    this.settings = settings;
    this.secrets = secrets;
    Path ca = settings.trustedCa();
    this.provider = ca == null ? () -> null : memoize(() -> TrustingAcmeProvider.trusting(ca));
  }

  /** The secret name of this directory's account key. */
  public String accountKeySecret() {
    return SecretNames.acmeAccountKey(caId(settings.directory()));
  }

  /** A short, stable name for a CA directory: the first 12 hex digits of its URL's SHA-256. */
  static String caId(URI directory) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(directory.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public CaOrder newOrder(List<String> names, ChallengeType challenge) {
    return call(
        "a new order",
        () -> {
          Order order = login().newOrder().domains(names).create();
          return describe(order, challenge);
        });
  }

  @Override
  public Optional<CaOrder> order(String url, ChallengeType challenge) {
    return call(
        "the order " + url,
        () -> {
          Order order = login().bindOrder(url(url));
          if (!fetchUnlessGone(order)) {
            return Optional.empty();
          }
          return Optional.of(describe(order, challenge));
        });
  }

  @Override
  public ValidationResult validate(String url, ChallengeType challenge, Runnable heartbeat) {
    return call("the validation of " + url, () -> validateOrder(url, challenge, heartbeat));
  }

  @Override
  public List<X509Certificate> issue(String url, KeyPair key, Runnable heartbeat) {
    return call("the certificate of " + url, () -> issueOrder(url, key, heartbeat));
  }

  private ValidationResult validateOrder(String url, ChallengeType challenge, Runnable heartbeat)
      throws AcmeException, InterruptedException {
    Order order = login().bindOrder(url(url));
    if (!fetchUnlessGone(order)) {
      return ValidationResult.failed(
          "The CA no longer knows this order (it expired or the CA was reset); a new order will"
              + " be placed",
          null);
    }
    switch (order.getStatus()) {
      case READY, PROCESSING, VALID:
        return ValidationResult.ok();
      case PENDING:
        break;
      default:
        return failure(order, challenge);
    }
    List<Authorization> open = new ArrayList<>();
    for (Authorization authorization : order.getAuthorizations()) {
      if (authorization.getStatus() == Status.VALID) {
        continue;
      }
      if (authorization.getStatus() != Status.PENDING) {
        return failure(authorization, challenge);
      }
      Challenge pending = find(authorization, challenge);
      if (pending.getStatus() == Status.PENDING) {
        pending.trigger();
      }
      open.add(authorization);
    }
    Instant deadline = Instant.now().plus(settings.validationTimeout());
    while (!open.isEmpty()) {
      heartbeat.run();
      Optional<Instant> retryAfter = Optional.empty();
      for (var it = open.iterator(); it.hasNext(); ) {
        Authorization authorization = it.next();
        Optional<Instant> later = authorization.fetch();
        if (later.isPresent()) {
          retryAfter = later;
        }
        Status status = authorization.getStatus();
        if (status == Status.VALID) {
          it.remove();
        } else if (status != Status.PENDING && status != Status.PROCESSING) {
          return failure(authorization, challenge);
        }
      }
      if (!open.isEmpty()) {
        pause(retryAfter, deadline, "validate " + names(open));
      }
    }
    return ValidationResult.ok();
  }

  private List<X509Certificate> issueOrder(String url, KeyPair key, Runnable heartbeat)
      throws AcmeException, InterruptedException {
    Order order = login().bindOrder(url(url));
    if (!fetchUnlessGone(order)) {
      throw new PermanentException(
          FailureType.NOT_FOUND,
          "The CA no longer knows this order (it expired or the CA was reset); a new order will"
              + " be placed");
    }
    Instant deadline = Instant.now().plus(settings.issueTimeout());
    while (true) {
      heartbeat.run();
      switch (order.getStatus()) {
        case READY -> order.execute(key);
        case PROCESSING -> {
          pause(order.getRetryAfter(), deadline, "sign the certificate");
          order.fetch();
        }
        case VALID -> {
          return order.getCertificate().getCertificateChain();
        }
        case PENDING ->
            throw new PermanentException(
                FailureType.CONFLICT, "The CA has not validated every name of this order yet");
        default ->
            throw new PermanentException(
                FailureType.INVALID_INPUT,
                "The CA refused to issue the certificate: "
                    + order.getError().map(AcmeCertificateAuthority::words).orElse("no reason"));
      }
    }
  }

  private CaOrder describe(Order order, ChallengeType type) {
    List<AcmeChallenge> challenges = new ArrayList<>();
    if (order.getStatus() == Status.PENDING) {
      for (Authorization authorization : order.getAuthorizations()) {
        if (authorization.getStatus() == Status.PENDING) {
          challenges.add(challenge(authorization, type));
        }
      }
    }
    return new CaOrder(
        order.getLocation().toString(),
        status(order.getStatus()),
        order.getExpires().orElse(null),
        challenges);
  }

  private static AcmeChallenge challenge(Authorization authorization, ChallengeType type) {
    String domain = authorization.getIdentifier().getDomain();
    String identifier = authorization.isWildcard() ? "*." + domain : domain;
    Challenge challenge = find(authorization, type);
    if (challenge instanceof Http01Challenge http) {
      return new AcmeChallenge(type, identifier, http.getToken(), http.getAuthorization());
    }
    Dns01Challenge dns = (Dns01Challenge) challenge;
    String owner = Dns01Challenge.toRRName(domain);
    owner = owner.endsWith(".") ? owner.substring(0, owner.length() - 1) : owner;
    return new AcmeChallenge(type, identifier, owner, dns.getDigest());
  }

  private static Challenge find(Authorization authorization, ChallengeType type) {
    Class<? extends Challenge> kind =
        type == ChallengeType.HTTP_01 ? Http01Challenge.class : Dns01Challenge.class;
    return authorization
        .findChallenge(kind)
        .orElseThrow(
            () ->
                new PermanentException(
                    FailureType.INVALID_INPUT,
                    "The CA offers no "
                        + (type == ChallengeType.HTTP_01 ? "HTTP-01" : "DNS-01")
                        + " challenge for "
                        + name(authorization)));
  }

  private static ValidationResult failure(Order order, ChallengeType type) {
    for (Authorization authorization : order.getAuthorizations()) {
      Status status = authorization.getStatus();
      if (status != Status.VALID && status != Status.PENDING) {
        return failure(authorization, type);
      }
    }
    Problem problem = order.getError().orElse(null);
    String name = order.getIdentifiers().isEmpty() ? "the names" : names(order);
    return ValidationProblems.failed(
        name,
        type,
        problem == null ? null : problem.getType().toString(),
        problem == null ? "the order is " + order.getStatus() : words(problem));
  }

  private static ValidationResult failure(Authorization authorization, ChallengeType type) {
    Problem problem = null;
    for (Challenge challenge : authorization.getChallenges()) {
      if (challenge.getError().isPresent()
          && (problem == null || challenge.getStatus() == Status.INVALID)) {
        problem = challenge.getError().get();
      }
    }
    String name = name(authorization);
    if (problem == null) {
      return ValidationProblems.failed(
          name, type, null, "its authorization is " + authorization.getStatus());
    }
    return ValidationProblems.failed(name, type, problem.getType().toString(), words(problem));
  }

  /** The problem's detail, or its title, or its type. */
  private static String words(Problem problem) {
    return problem
        .getDetail()
        .or(problem::getTitle)
        .orElse(problem.getType().toString().replace(ValidationProblems.PREFIX, ""));
  }

  private static String name(Authorization authorization) {
    String domain = authorization.getIdentifier().getDomain();
    return authorization.isWildcard() ? "*." + domain : domain;
  }

  private static String names(List<Authorization> authorizations) {
    return String.join(", ", authorizations.stream().map(AcmeCertificateAuthority::name).toList());
  }

  private static String names(Order order) {
    return String.join(", ", order.getIdentifiers().stream().map(i -> i.getDomain()).toList());
  }

  private static CaOrder.Status status(Status status) {
    return switch (status) {
      case PENDING -> CaOrder.Status.PENDING;
      case READY -> CaOrder.Status.READY;
      case PROCESSING -> CaOrder.Status.PROCESSING;
      case VALID -> CaOrder.Status.VALID;
      default -> CaOrder.Status.INVALID;
    };
  }

  /** Fetches the order; false when the CA answers that it does not know it (any more). */
  private static boolean fetchUnlessGone(Order order) throws AcmeException {
    try {
      order.fetch();
      return true;
    } catch (AcmeServerException e) {
      String type = e.getType().toString();
      if (type.endsWith(":serverInternal") || type.endsWith(":rateLimited")) {
        throw e;
      }
      return false;
    }
  }

  private void pause(Optional<Instant> retryAfter, Instant deadline, String what)
      throws InterruptedException {
    Instant now = Instant.now();
    if (now.isAfter(deadline)) {
      throw new CertificateAuthorityException(
          "The CA at " + settings.directory() + " did not " + what + " in time; trying again");
    }
    Duration wait =
        retryAfter.map(at -> Duration.between(now, at)).orElse(MIN_POLL.multipliedBy(2));
    if (wait.compareTo(MIN_POLL) < 0) {
      wait = MIN_POLL;
    }
    if (wait.compareTo(settings.maxPoll()) > 0) {
      wait = settings.maxPoll();
    }
    Thread.sleep(wait.toMillis());
  }

  private Login login() throws AcmeException {
    AcmeProvider custom = provider.get();
    Session session =
        custom == null
            ? new Session(settings.directory())
            : new Session(settings.directory(), custom);
    KeyPair key = PemKeys.fromPem(secrets.getOrCreate(accountKeySecret(), PemKeys::generatePem));
    AccountBuilder account = new AccountBuilder().agreeToTermsOfService().useKeyPair(key);
    if (settings.contactEmail() != null && !settings.contactEmail().isBlank()) {
      account.addEmail(settings.contactEmail());
    }
    return account.createLogin(session);
  }

  private static URL url(String url) {
    try {
      return URI.create(url).toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new PermanentException(FailureType.INVALID_INPUT, "Not an order URL: " + url, e);
    }
  }

  private interface AcmeCall<T> {
    T run() throws AcmeException, InterruptedException;
  }

  /** Runs an acme4j call, turning its failures into this port's exceptions. */
  private <T> T call(String what, AcmeCall<T> call) {
    try {
      return call.run();
    } catch (AcmeLazyLoadingException e) {
      throw translate(
          what, e.getCause() instanceof AcmeException a ? a : new AcmeException(e.getMessage(), e));
    } catch (AcmeException e) {
      throw translate(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CertificateAuthorityException("Interrupted while waiting for " + what, e);
    }
  }

  private RuntimeException translate(String what, AcmeException e) {
    String ca = "The CA at " + settings.directory();
    if (e instanceof AcmeServerException server) {
      String type = server.getType().toString();
      String kind = type.substring(type.lastIndexOf(':') + 1);
      String detail = words(server.getProblem());
      if (kind.equals("rateLimited")) {
        // Asking again soon only extends the limit: the workflow waits its longest backoff.
        return new PermanentException(
            FailureType.RATE_LIMITED,
            "The CA's rate limit was reached for "
                + what
                + "; retrying later. The CA said: "
                + detail,
            e);
      }
      if (PERMANENT_PROBLEMS.contains(kind)) {
        return new PermanentException(
            FailureType.INVALID_INPUT, "The CA refused " + what + ": " + detail, e);
      }
      return new CertificateAuthorityException(
          ca + " answered " + kind + " for " + what + ": " + detail, e);
    }
    if (e instanceof AcmeNetworkException) {
      return new CertificateAuthorityException(ca + " cannot be reached: " + e.getMessage(), e);
    }
    return new CertificateAuthorityException(ca + " failed " + what + ": " + e.getMessage(), e);
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) {
          synchronized (this) {
            if (value == null) {
              value = supplier.get();
            }
            v = value;
          }
        }
        return v;
      }
    };
  }
}
