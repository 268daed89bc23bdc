package io.berth.panel.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How usage reads to a customer: "45 %", "512 MiB", "1.5 GiB", "3.2 KB/s". */
public final class UsageFormat {

  private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};
  private static final String[] RATE_UNITS = {"B/s", "KB/s", "MB/s", "GB/s"};

  private UsageFormat() {}

  /** CPU as a share of one core: 500 thousandths → "50 %". */
  public static String cpu(double millis) {
    return number(millis / 10) + " %";
  }

  /** A size in binary units: "512 MiB", "1 GiB", "1.5 GiB". */
  public static String bytes(double bytes) {
    return scaled(bytes, 1024, BYTE_UNITS);
  }

  /** A transfer rate in decimal units: "800 B/s", "3.2 KB/s". */
  public static String rate(double bytesPerSecond) {
    return scaled(bytesPerSecond, 1000, RATE_UNITS);
  }

  /** The whole percent {@code value} is of {@code limit}, rounded down (89.9 % reads 89 %). */
  static long percent(long value, long limit) {
    return limit <= 0 ? 0 : value * 100 / limit;
  }

  /** The power of {@code base} a value is shown in, so that it reads below one {@code base}. */
  static int exponent(double value, int base, int units) {
    int exponent = 0;
    double scaled = Math.abs(value);
    while (scaled >= base && exponent < units - 1) {
      scaled /= base;
      exponent++;
    }
    return exponent;
  }

  static String number(double value) {
    BigDecimal decimal = BigDecimal.valueOf(value);
    int scale = Math.abs(value) < 10 && value != Math.rint(value) ? 1 : 0;
    BigDecimal rounded = decimal.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
  }

  private static String scaled(double value, int base, String[] units) {
    int exponent = exponent(value, base, units.length);
    return number(value / Math.pow(base, exponent)) + " " + units[exponent];
  }
}
