package io.berth.activities.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void cents_areShownWithTheCurrencysDecimals() {
    assertThat(Money.format(500, "EUR")).isEqualTo("5.00 EUR");
    assertThat(Money.format(199_999, "usd")).isEqualTo("1999.99 USD");
    assertThat(Money.format(5, "gbp")).isEqualTo("0.05 GBP");
    assertThat(Money.format(0, "EUR")).isEqualTo("0.00 EUR");
  }

  @Test
  void currenciesWithoutCentsOrWithMils_keepTheirOwnDecimals() {
    assertThat(Money.format(1200, "jpy")).isEqualTo("1200 JPY");
    assertThat(Money.format(1500, "KWD")).isEqualTo("1.500 KWD");
  }

  @Test
  void anUnknownCode_isShownWithTwoDecimals() {
    assertThat(Money.format(1234, " abc ")).isEqualTo("12.34 ABC");
  }
}
