package dev.opkit.mock.sandbox;

import dev.opkit.mock.wallet.AssetCodes;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One configured exchange rate: one unit of {@code from} buys {@code rate} units of {@code to}
 * (major units, e.g. 1 USD = 0.9 EUR). The opposite direction is the inverse unless configured too.
 *
 * @param from the asset code paid
 * @param to the asset code received
 * @param rate a positive decimal
 */
public record RateConfig(String from, String to, BigDecimal rate) {
  public RateConfig {
    Objects.requireNonNull(from, "a rate needs 'from', e.g. USD");
    Objects.requireNonNull(to, "a rate needs 'to', e.g. EUR");
    Objects.requireNonNull(rate, () -> "the rate " + from + "/" + to + " needs a value");
    AssetCodes.requireUpperCase(from);
    AssetCodes.requireUpperCase(to);
    if (rate.signum() <= 0) {
      throw new IllegalArgumentException(
          "the rate " + from + "/" + to + " must be positive, got " + rate);
    }
    if (from.equals(to)) {
      throw new IllegalArgumentException(
          "a rate converts between two assets, got " + from + "/" + to);
    }
  }
}
