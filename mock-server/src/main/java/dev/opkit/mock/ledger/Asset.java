package dev.opkit.mock.ledger;

import java.util.Objects;

/**
 * An asset as Open Payments identifies it: a code and a scale. Two amounts can be added or compared
 * only when both are equal (resource-server spec, schema {@code amount}).
 *
 * @param code the asset code, e.g. {@code USD}
 * @param scale the number of decimal places of the smallest unit, 0 to 255
 */
public record Asset(String code, int scale) {
  public Asset {
    Objects.requireNonNull(code, "asset code");
    if (code.isBlank()) {
      throw new IllegalArgumentException("asset code must not be blank");
    }
    if (scale < 0 || scale > 255) {
      throw new IllegalArgumentException(
          "asset scale must be between 0 and 255, got " + scale + " for " + code);
    }
  }

  @Override
  public String toString() {
    return code + "/" + scale;
  }
}
