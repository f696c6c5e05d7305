package dev.opkit.sandbox.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.opkit.protocol.keys.Jwk;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
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
 * @param keys client keys (public JWKs) registered on it from the start; a session's seed only
 *     ({@link SandboxAdmin#createWallet} refuses them: register keys there with {@link
 *     SandboxAdmin#addKey})
 */
public record NewWallet(
    String name,
    String publicName,
    String assetCode,
    int assetScale,
    @JsonSerialize(using = ToStringSerializer.class) BigInteger balance,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Jwk> keys) {
  public NewWallet {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(assetCode, "assetCode");
    balance = balance == null ? BigInteger.ZERO : balance;
    keys = keys == null ? List.of() : List.copyOf(keys);
  }

  /** A wallet without keys. */
  public NewWallet(
      String name, String publicName, String assetCode, int assetScale, BigInteger balance) {
    this(name, publicName, assetCode, assetScale, balance, List.of());
  }

  /** A wallet with no public name. */
  public static NewWallet of(String name, String assetCode, int assetScale, long balance) {
    return new NewWallet(name, null, assetCode, assetScale, BigInteger.valueOf(balance));
  }

  /** The same wallet with a public name. */
  public NewWallet withPublicName(String newPublicName) {
    return new NewWallet(name, newPublicName, assetCode, assetScale, balance, keys);
  }

  /** The same wallet with one more client key, registered when a session seeds it. */
  public NewWallet withKey(Jwk key) {
    List<Jwk> more = new ArrayList<>(keys);
    more.add(Objects.requireNonNull(key, "key"));
    return new NewWallet(name, publicName, assetCode, assetScale, balance, more);
  }
}
