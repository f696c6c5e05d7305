package dev.opkit.protocol.amount;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.math.BigInteger;

/**
 * An Open Payments amount (schema {@code amount}): {@code value} is an unsigned 64-bit integer in
 * the asset's smallest unit, written in JSON as a string of digits; {@code assetCode} and {@code
 * assetScale} name the asset. Arithmetic is exact and refuses to leave 0 … 2^64-1 or to mix assets.
 * Reading rejects a JSON number, a sign, a decimal point, whitespace or anything above 2^64-1 with
 * an {@link InvalidAmountException}.
 */
public record Amount(
    @JsonSerialize(using = ToStringSerializer.class)
        @JsonDeserialize(using = AmountValueDeserializer.class)
        BigInteger value,
    String assetCode,
    @JsonProperty(required = true) int assetScale)
    implements Comparable<Amount> {

  /**
   * @throws InvalidAmountException when the value is outside 0 … 2^64-1, the code blank or the
   *     scale outside 0–255
   */
  public Amount {
    AmountValue.requireInRange(value, "amount value");
    new Asset(assetCode, assetScale);
  }

  /** An amount from its wire form, e.g. {@code Amount.of("2500", "USD", 2)}. */
  public static Amount of(String value, String assetCode, int assetScale) {
    return new Amount(AmountValue.parse(value), assetCode, assetScale);
  }

  /** An amount of {@code value} smallest units of {@code asset}. */
  public static Amount of(BigInteger value, Asset asset) {
    return new Amount(value, asset.code(), asset.scale());
  }

  /** An amount of {@code value} smallest units of {@code asset}; {@code value} must be ≥ 0. */
  public static Amount of(long value, Asset asset) {
    return of(BigInteger.valueOf(value), asset);
  }

  /** Zero of {@code asset}. */
  public static Amount zero(Asset asset) {
    return of(BigInteger.ZERO, asset);
  }

  /** The asset: code and scale. */
  public Asset asset() {
    return new Asset(assetCode, assetScale);
  }

  /** True if {@code other} has the same asset code and scale. */
  public boolean sameAsset(Amount other) {
    return assetCode.equals(other.assetCode) && assetScale == other.assetScale;
  }

  /** True for a value of 0. */
  @JsonIgnore
  public boolean isZero() {
    return value.signum() == 0;
  }

  /**
   * The exact sum.
   *
   * @throws AssetMismatchException when the assets differ
   * @throws AmountOverflowException when the sum exceeds 2^64-1
   */
  public Amount plus(Amount other) {
    requireSameAsset(other, "add");
    BigInteger sum = value.add(other.value);
    if (sum.compareTo(AmountValue.MAX) > 0) {
      throw new AmountOverflowException(
          "adding "
              + other.value
              + " to "
              + value
              + " "
              + asset()
              + " gives "
              + sum
              + ", more than the largest amount value 2^64-1");
    }
    return withValue(sum);
  }

  /**
   * The exact difference.
   *
   * @throws AssetMismatchException when the assets differ
   * @throws InvalidAmountException when {@code other} is larger (amounts cannot be negative)
   */
  public Amount minus(Amount other) {
    requireSameAsset(other, "subtract");
    if (value.compareTo(other.value) < 0) {
      throw new InvalidAmountException(
          "cannot subtract "
              + other.value
              + " from "
              + value
              + " "
              + asset()
              + ": the result would be negative and amounts are unsigned");
    }
    return withValue(value.subtract(other.value));
  }

  /**
   * Orders amounts of the same asset by value.
   *
   * @throws AssetMismatchException when the assets differ (they have no common order)
   */
  @Override
  public int compareTo(Amount other) {
    requireSameAsset(other, "compare");
    return value.compareTo(other.value);
  }

  /** This amount's asset with another value. */
  public Amount withValue(BigInteger newValue) {
    return new Amount(newValue, assetCode, assetScale);
  }

  private void requireSameAsset(Amount other, String operation) {
    if (!sameAsset(other)) {
      throw new AssetMismatchException(
          "cannot "
              + operation
              + " amounts of different assets: "
              + asset()
              + " and "
              + other.asset()
              + " (asset code and scale must both match)");
    }
  }

  @Override
  public String toString() {
    return value + " " + asset();
  }
}
