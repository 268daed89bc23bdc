package io.berth.workflows.mail;

import java.util.List;

/**
 * A record set email needs in the domain's zone, as published on hosted DNS or shown for the
 * customer to add at their own DNS provider.
 *
 * @param name owner relative to the zone: {@code "@"}, {@code berth._domainkey}, {@code _dmarc}
 * @param type MX or TXT
 * @param values presentation form ({@code "10 mail.berth.localhost."}, {@code "\"v=spf1 …\""}; long
 *     TXT values split into quoted chunks of at most 255 characters)
 */
public record MailDnsRecord(String name, String type, long ttl, List<String> values) {}
