package dev.opkit.mock.wallet;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The asset codes the sandbox opens wallets and rates in: upper-case letters and digits, as ISO
 * 4217 writes them ({@code USD}). Codes are compared exactly, so a wallet in {@code usd} would find
 * no rate to {@code EUR} and pay no {@code USD} wallet; refusing it up front says why.
 */
public final class AssetCodes {
  private static final Pattern CODE = Pattern.compile("[A-Z0-9]+");

  private AssetCodes() {}

  /**
   * Returns {@code code} if it is upper case; a missing or blank code is left to {@code Asset}.
   *
   * @throws IllegalArgumentException naming the code and its upper-case form otherwise
   */
  public static String requireUpperCase(String code) {
    if (code != null && !code.isBlank() && !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "asset code '"
              + code
              + "' must be upper-case letters and digits, e.g. "
              + code.toUpperCase(Locale.ROOT).strip()
              + " (ISO 4217); codes are compared exactly");
    }
    return code;
  }
}
