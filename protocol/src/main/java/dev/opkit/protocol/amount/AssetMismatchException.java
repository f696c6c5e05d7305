package dev.opkit.protocol.amount;

/**
 * Two amounts combined or compared although their assets (code and scale) differ, or an amount
 * given to an exchange rate for another asset.
 */
public class AssetMismatchException extends InvalidAmountException {
  private static final long serialVersionUID = 1L;

  public AssetMismatchException(String message) {
    super(message);
  }
}
