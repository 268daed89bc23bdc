package io.berth.panel.account;

import io.berth.panel.common.ConflictException;
import io.berth.panel.common.FieldProblem;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.UnauthenticatedException;
import io.berth.persistence.account.ApiToken;
import io.berth.persistence.account.ApiTokenRepository;
import io.berth.persistence.account.Customer;
import io.berth.persistence.account.CustomerRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Accounts: sign-up, password check, API tokens. Used by the panel and the REST API alike. */
@Service
public class AccountService {

  static final Duration TOKEN_LIFETIME = Duration.ofDays(30);
  static final String EMAIL_TAKEN = "An account with this email already exists; sign in instead.";
  static final String WRONG_CREDENTIALS = "The email or the password is wrong.";

  private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CustomerRepository customers;
  private final ApiTokenRepository tokens;
  private final PasswordEncoder passwords;
  private final Clock clock;
  private volatile String decoyHash;

  public AccountService(
      CustomerRepository customers,
      ApiTokenRepository tokens,
      PasswordEncoder passwords,
      Clock clock) {
    this.customers = customers;
    this.tokens = tokens;
    this.passwords = passwords;
    this.clock = clock;
  }

  /** Creates a customer account; returns its id. */
  public long signUp(String email, String password) {
    return create(email, password, Customer.ROLE_CUSTOMER, true);
  }

  /** Creates a support account (first start-up); the password policy is the caller's concern. */
  long createSupport(String email, String password) {
    return create(email, password, Customer.ROLE_SUPPORT, false);
  }

  /** The account with this email and password, if they match. */
  public Optional<Customer> authenticate(String email, String password) {
    String given = password == null ? "" : password;
    Optional<Customer> customer = customers.findByEmailIgnoreCase(EmailAddresses.normalize(email));
    if (customer.isEmpty()) {
      // Same work as for a real account, so response times do not reveal which emails exist.
      passwords.matches(given, decoyHash());
      return Optional.empty();
    }
    return passwords.matches(given, customer.get().passwordHash()) ? customer : Optional.empty();
  }

  /** A new 30-day API token for the account with this email and password. */
  public IssuedToken issueToken(String email, String password) {
    Customer customer =
        authenticate(email, password)
            .orElseThrow(() -> new UnauthenticatedException(WRONG_CREDENTIALS));
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    Instant expires = now.plus(TOKEN_LIFETIME);
    tokens.save(new ApiToken(null, customer.id(), sha256(token), now, expires));
    return new IssuedToken(token, expires);
  }

  /** The account an unexpired API token belongs to. */
  public Optional<Customer> customerForToken(String token) {
    if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return tokens
        .findByTokenSha256(sha256(token))
        .filter(t -> t.expiresAt().isAfter(now))
        .flatMap(t -> customers.findById(t.customerId()));
  }

  private long create(String email, String password, String role, boolean checkPassword) {
    String address = EmailAddresses.normalize(email);
    List<FieldProblem> problems = new ArrayList<>();
    EmailAddresses.problem(address).ifPresent(p -> problems.add(new FieldProblem("email", p)));
    boolean taken = problems.isEmpty() && customers.findByEmailIgnoreCase(address).isPresent();
    if (taken) {
      problems.add(new FieldProblem("email", EMAIL_TAKEN));
    }
    if (checkPassword) {
      PasswordPolicy.problem(password)
          .ifPresent(p -> problems.add(new FieldProblem("password", p)));
    }
    if (taken && problems.size() == 1) {
      throw new ConflictException("email", EMAIL_TAKEN);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    try {
      return customers
          .save(Customer.create(address, passwords.encode(password), role, clock.instant()))
          .id();
    } catch (DuplicateKeyException raced) {
      throw new ConflictException("email", EMAIL_TAKEN);
    }
  }

  private String decoyHash() {
    if (decoyHash == null) {
      decoyHash = passwords.encode("decoy password that matches no account");
    }
    return decoyHash;
  }

  static String sha256(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
