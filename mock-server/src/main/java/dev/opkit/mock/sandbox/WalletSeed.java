package dev.opkit.mock.sandbox;

import dev.opkit.mock.wallet.AssetCodes;
import dev.opkit.mock.wallet.ClientKeys;
import dev.opkit.mock.wallet.WalletNames;
import dev.opkit.protocol.keys.Jwk;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A wallet address the sandbox creates on start and after every reset.
 *
 * @param name the path segment, e.g. {@code alice} for {@code http://localhost:4000/alice}
 * @param publicName the {@code publicName} of the wallet address document (optional)
 * @param assetCode the wallet's asset code, e.g. {@code USD}
 * @param assetScale the wallet's asset scale, e.g. 2
 * @param balance the starting balance in the asset's smallest unit (0 when absent)
 * @param keys client keys registered on it (public JWKs, checked as {@code POST
 *     /admin/wallet-addresses/{name}/keys} checks them; none when absent)
 */
public record WalletSeed(
    String name,
    String publicName,
    String assetCode,
    Integer assetScale,
    BigInteger balance,
    List<Jwk> keys) {
  public WalletSeed {
    WalletNames.check(name);
    Objects.requireNonNull(assetCode, () -> "wallet '" + name + "' needs an assetCode");
    try {
      AssetCodes.requireUpperCase(assetCode);
    } catch (IllegalArgumentException e) {
      // No cause: the config reader reports the innermost message.
      throw new IllegalArgumentException("wallet '" + name + "': " + e.getMessage());
    }
    Objects.requireNonNull(assetScale, () -> "wallet '" + name + "' needs an assetScale");
    if (assetScale < 0 || assetScale > 255) {
      throw new IllegalArgumentException(
          "wallet '" + name + "': assetScale must be between 0 and 255, got " + assetScale);
    }
    balance = balance == null ? BigInteger.ZERO : balance;
    if (balance.signum() < 0) {
      throw new IllegalArgumentException(
          "wallet '" + name + "': a starting balance cannot be negative, got " + balance);
    }
    keys = keys == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(keys));
    ClientKeys.checkAll(name, keys);
  }
}
