package io.berth.workflows.certificate;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Whose certificate: a site's ({@code siteId} set) or the platform's wildcard ({@code siteId}
 * null). Its {@link #key()} names it in the platform DB ({@code site-<id>} or {@code platform}).
 */
public record CertificateSubject(Long siteId) {

  public static final CertificateSubject PLATFORM = new CertificateSubject(null);

  public static CertificateSubject site(long siteId) {
    return new CertificateSubject(siteId);
  }

  @JsonIgnore
  public boolean isPlatform() {
    return siteId == null;
  }

  @JsonIgnore
  public String key() {
    return isPlatform() ? "platform" : "site-" + siteId;
  }

  public static CertificateSubject ofKey(String key) {
    if ("platform".equals(key)) {
      return PLATFORM;
    }
    if (key != null && key.startsWith("site-")) {
      return site(Long.parseLong(key.substring("site-".length())));
    }
    throw new IllegalArgumentException("Not a certificate subject: " + key);
  }
}
