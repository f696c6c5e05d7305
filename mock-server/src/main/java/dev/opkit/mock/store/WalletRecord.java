package dev.opkit.mock.store;

import dev.opkit.protocol.amount.Asset;
import dev.opkit.protocol.keys.Jwk;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A wallet address: its public facts, the client keys registered on its {@code jwks.json}, and how
 * many of its next outgoing payments the admin API made to fail. Its money is in the ledger.
 *
 * @param id the provider and name
 * @param publicName the document's {@code publicName}, or null
 * @param asset the asset it holds
 * @param ordinal when it was opened, within its session (lists show wallets in this order)
 * @param keys the registered client keys, in registration order
 * @param pendingFailures how many of the next outgoing payments will be made to fail
 */
public record WalletRecord(
    WalletId id,
    String publicName,
    Asset asset,
    long ordinal,
    List<Jwk> keys,
    int pendingFailures) {
  public WalletRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(asset, "asset");
    keys = List.copyOf(keys);
    if (pendingFailures < 0) {
      throw new IllegalArgumentException("pendingFailures cannot be negative");
    }
  }

  /** A wallet just opened: no keys, no forced failures. */
  public static WalletRecord opened(WalletId id, String publicName, Asset asset, long ordinal) {
    return new WalletRecord(id, publicName, asset, ordinal, List.of(), 0);
  }

  public Optional<String> publicNameIfAny() {
    return Optional.ofNullable(publicName);
  }

  /** The key registered with this kid. */
  public Optional<Jwk> key(String kid) {
    return keys.stream().filter(k -> kid.equals(k.kid())).findFirst();
  }

  /** This wallet with one more key (the kid must be new). */
  public WalletRecord withKey(Jwk key) {
    List<Jwk> more = new ArrayList<>(keys);
    more.add(key);
    return new WalletRecord(id, publicName, asset, ordinal, more, pendingFailures);
  }

  /** This wallet without the key with this kid. */
  public WalletRecord withoutKey(String kid) {
    return new WalletRecord(
        id,
        publicName,
        asset,
        ordinal,
        keys.stream().filter(k -> !kid.equals(k.kid())).toList(),
        pendingFailures);
  }

  public WalletRecord withPendingFailures(int count) {
    return new WalletRecord(id, publicName, asset, ordinal, keys, count);
  }
}
