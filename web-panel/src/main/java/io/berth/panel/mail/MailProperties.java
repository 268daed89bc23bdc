package io.berth.panel.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the panel tells mail clients and how long a deleted mailbox's mail is kept ({@code
 * berth.mail.*}; the worker reads its own keys under the same prefix).
 *
 * @param clientHost where mail clients reach IMAP and submission
 * @param imapPort Dovecot's IMAP port (STARTTLS)
 * @param submissionPort Postfix's submission port (STARTTLS, then authentication)
 * @param retention how long a deleted mailbox's mail is kept before it is removed
 */
@ConfigurationProperties("berth.mail")
record MailProperties(
    @DefaultValue("127.0.0.1") String clientHost,
    @DefaultValue("1143") int imapPort,
    @DefaultValue("2587") int submissionPort,
    @DefaultValue("30d") Duration retention) {}
