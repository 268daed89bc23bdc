package io.berth.activities.proxy;

import io.berth.activities.common.PermanentException;
import io.berth.persistence.certificate.CertificateRepository;
import io.berth.persistence.certificate.CertificateRow;
import io.berth.persistence.secret.SecretNames;
import io.berth.persistence.secret.SecretStore;
import io.berth.workflows.certificate.AcmeChallenge;
import io.berth.workflows.certificate.CertificateHostActivities;
import io.berth.workflows.certificate.CertificateSubject;
import io.berth.workflows.certificate.ChallengeType;
import io.berth.workflows.common.FailureType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Certificate work on this host's nginx: HTTP-01 challenge files ({@link HttpChallengeFiles}) and
 * the stored certificate installed with its key, read from the platform DB and the secret store
 * ({@link TlsCertificates}). The key travels from the secret store to the key file only: it is not
 * an activity argument or result, so it never lands in workflow history.
 */
@Component("certificateHostActivities")
public class CertificateHostActivitiesImpl implements CertificateHostActivities {

  private final HttpChallengeFiles challenges;
  private final TlsCertificates certificates;
  private final CertificateRepository rows;
  private final SecretStore secrets;

  public CertificateHostActivitiesImpl(
      HttpChallengeFiles challenges,
      TlsCertificates certificates,
      CertificateRepository rows,
      SecretStore secrets) {
    this.challenges = challenges;
    this.certificates = certificates;
    this.rows = rows;
    this.secrets = secrets;
  }

  @Override
  public void publishHttpChallenges(List<AcmeChallenge> challengeList) {
    Map<String, String> files = new LinkedHashMap<>();
    for (AcmeChallenge challenge : httpChallenges(challengeList)) {
      String previous = files.putIfAbsent(challenge.name(), challenge.content());
      if (previous != null && !previous.equals(challenge.content())) {
        throw new PermanentException(
            FailureType.INVALID_INPUT,
            "ACME token " + challenge.name() + " is listed twice with different contents.");
      }
    }
    challenges.publish(files);
  }

  @Override
  public void withdrawHttpChallenges(List<AcmeChallenge> challengeList) {
    challenges.withdraw(httpChallenges(challengeList).stream().map(AcmeChallenge::name).toList());
  }

  @Override
  public void install(long certificateId) {
    CertificateRow row =
        rows.findById(certificateId)
            .orElseThrow(
                () ->
                    new PermanentException(
                        FailureType.NOT_FOUND, "There is no certificate " + certificateId + "."));
    String key =
        secrets
            .read(SecretNames.acmeOrderKey(row.orderId()))
            .orElseThrow(
                () ->
                    new PermanentException(
                        FailureType.NOT_FOUND,
                        "The private key of certificate "
                            + certificateId
                            + " (order "
                            + row.orderId()
                            + ") is missing from the secret store."));
    certificates.installCertificate(subject(row.subject()).key(), row.chainPem(), key);
  }

  @Override
  public void uninstall(CertificateSubject subject) {
    if (subject == null) {
      throw new PermanentException(FailureType.INVALID_INPUT, "A certificate subject is required.");
    }
    certificates.removeCertificate(subject.key());
  }

  private static CertificateSubject subject(String key) {
    try {
      return CertificateSubject.ofKey(key);
    } catch (IllegalArgumentException e) {
      throw new PermanentException(
          FailureType.INVALID_INPUT, "Not a certificate subject: '" + key + "'.", e);
    }
  }

  /** The HTTP-01 challenges of the list; DNS-01 ones are published on the control queue. */
  private static List<AcmeChallenge> httpChallenges(List<AcmeChallenge> challengeList) {
    if (challengeList == null) {
      throw new PermanentException(FailureType.INVALID_INPUT, "A list of challenges is required.");
    }
    for (AcmeChallenge challenge : challengeList) {
      if (challenge == null || challenge.type() == null) {
        throw new PermanentException(
            FailureType.INVALID_INPUT, "Each ACME challenge needs a type (HTTP_01 or DNS_01).");
      }
    }
    return challengeList.stream().filter(c -> c.type() == ChallengeType.HTTP_01).toList();
  }
}
