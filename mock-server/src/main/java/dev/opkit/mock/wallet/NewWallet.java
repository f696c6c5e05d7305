package dev.opkit.mock.wallet;

import dev.opkit.protocol.amount.Asset;
import java.math.BigInteger;
import java.util.Objects;

/**
 * What it takes to open a wallet address.
 *
 * @param name the path segment
 * @param publicName the document's {@code publicName}, or null
 * @param asset the wallet's asset
 * @param balance the opening balance, deposited by the issuer
 */
public record NewWallet(String name, String publicName, Asset asset, BigInteger balance) {
  public NewWallet {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(asset, "asset");
    balance = balance == null ? BigInteger.ZERO : balance;
  }
}
