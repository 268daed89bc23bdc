package io.berth.activities.billing;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Amounts as customers read them in e-mails: {@code 5.00 EUR}, {@code 1200 JPY}. */
final class Money {

  private Money() {}

  /**
   * @param minorUnits the amount in the currency's smallest unit (cents), as Stripe and Berth keep
   *     it
   * @param currency ISO 4217 code in either case
   */
  static String format(long minorUnits, String currency) {
    String code = currency.trim().toUpperCase(Locale.ROOT);
    int digits = fractionDigits(code);
    return BigDecimal.valueOf(minorUnits, digits).toPlainString() + " " + code;
  }

  private static int fractionDigits(String code) {
    try {
      int digits = Currency.getInstance(code).getDefaultFractionDigits();
      return digits < 0 ? 2 : digits;
    } catch (IllegalArgumentException e) {
      return 2;
    }
  }
}
