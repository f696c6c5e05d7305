package dev.opkit.sandbox.admin;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A wallet address to create ({@code POST /admin/wallet-addresses}), also the shape of a session's
 * seed wallet.
 *
 * @param name its path segment, e.g. {@code alice}
 * @param publicName the document's publicName (interactive grants need one on the client), or null
 * @param assetCode e.g. {@code USD}
 * @param assetScale e.g. 2
 * @param balance the starting balance in the asset's smallest unit
 */
public record NewWallet(
    String name,
    String publicName,
    String assetCode,
    int assetScale,
    @JsonSerialize(using = ToStringSerializer.class) BigInteger balance) {
  public NewWallet {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(assetCode, "assetCode");
    balance = balance == null ? BigInteger.ZERO : balance;
  }

  /** A wallet with no public name. */
  public static NewWallet of(String name, String assetCode, int assetScale, long balance) {
    return new NewWallet(name, null, assetCode, assetScale, BigInteger.valueOf(balance));
  }

  /** The same wallet with a public name. */
  public NewWallet withPublicName(String newPublicName) {
    return new NewWallet(name, newPublicName, assetCode, assetScale, balance);
  }
}
