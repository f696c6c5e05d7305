package dev.opkit.mock.ledger;

import dev.opkit.mock.store.AccountKey;
import dev.opkit.mock.store.AccountKind;
import dev.opkit.mock.store.WalletId;
import dev.opkit.protocol.amount.Asset;
import java.util.Objects;

/**
 * An account of a session's books as a transfer names it: which account, and the asset it holds
 * (fixed when it is opened). Its balance is in the session's {@link
 * dev.opkit.mock.store.LedgerStore}.
 *
 * @param key which account
 * @param asset its asset
 */
public record Account(AccountKey key, Asset asset) {
  public Account {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(asset, "asset");
  }

  /** A wallet's available balance. */
  public static Account available(WalletId wallet, Asset asset) {
    return new Account(AccountKey.available(wallet), asset);
  }

  /** What a wallet's outgoing payments in progress hold. */
  public static Account reserved(WalletId wallet, Asset asset) {
    return new Account(AccountKey.reserved(wallet), asset);
  }

  /** The sandbox's account of this kind for an asset, e.g. the USD/2 issuer. */
  public static Account system(AccountKind kind, Asset asset) {
    return new Account(AccountKey.system(kind, asset), asset);
  }

  public AccountKind kind() {
    return key.kind();
  }

  @Override
  public String toString() {
    return key.kind().name().toLowerCase(java.util.Locale.ROOT) + " account " + key.owner();
  }
}
