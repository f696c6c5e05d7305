package dev.opkit.protocol.amount;

/**
 * An asset as Open Payments names it: a code (ISO 4217 where one exists, e.g. {@code USD}) and a
 * scale, the number of decimal places of its smallest unit (0–255; USD at scale 2 counts cents).
 * Two amounts can be added or compared only when both parts are equal.
 */
public record Asset(String code, int scale) {
  /** Largest asset scale the schema allows. */
  public static final int MAX_SCALE = 255;

  /**
   * @throws InvalidAmountException when the code is blank or the scale is outside 0–255
   */
  public Asset {
    if (code == null || code.isBlank()) {
      throw new InvalidAmountException(
          "assetCode is missing or blank; give the asset's code, e.g. \"USD\"");
    }
    requireValidScale(scale);
  }

  /**
   * Returns {@code scale} if it is within 0–255.
   *
   * @throws InvalidAmountException otherwise
   */
  public static int requireValidScale(int scale) {
    if (scale < 0 || scale > MAX_SCALE) {
      throw new InvalidAmountException(
          "assetScale "
              + scale
              + " is outside 0..255; it is the number of decimal places of the"
              + " asset's smallest unit, e.g. 2 for USD cents");
    }
    return scale;
  }

  @Override
  public String toString() {
    return code + "/" + scale;
  }
}
