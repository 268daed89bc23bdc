package io.berth.panel.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the panel tells customers about Berth's DNS ({@code berth.dns.*}, the same keys the worker's
 * DNS adapter reads).
 *
 * @param primaryNs the name server customers of hosted DNS set at their registrar
 */
@ConfigurationProperties("berth.dns")
record DnsProperties(@DefaultValue("ns1.berth.test") String primaryNs) {}
