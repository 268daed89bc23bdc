package io.berth.activities.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.common.PermanentException;
import org.junit.jupiter.api.Test;

class SiteAddressesTest {

  @Test
  void aSitesAddressHasTheProxysPort_unlessItIs80() {
    var local = SiteAddresses.of("berth.localhost", "127.0.0.1:8880");
    var production = SiteAddresses.of("sites.example.com", "0.0.0.0:80");

    assertThat(local.url("blog")).isEqualTo("http://blog.berth.localhost:8880");
    assertThat(local.authority("blog")).isEqualTo("blog.berth.localhost:8880");
    assertThat(production.url("blog")).isEqualTo("http://blog.sites.example.com");
  }

  @Test
  void aBadSiteNameNeverBecomesAnAddress() {
    assertThatThrownBy(() -> SiteAddresses.of("berth.localhost", "127.0.0.1:8880").url("a/b"))
        .isInstanceOf(PermanentException.class);
  }
}
