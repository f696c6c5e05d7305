package dev.opkit.mock.store;

import dev.opkit.protocol.amount.Asset;
import java.util.Objects;

/**
 * Which account of a session's books: a wallet's available or reserved balance (owner {@code
 * ase/name}), or a system account of one asset (owner {@code USD/2}).
 *
 * @param kind the account's role
 * @param owner the wallet's {@link WalletId#key()} or the asset's {@code code/scale}
 */
public record AccountKey(AccountKind kind, String owner) implements Comparable<AccountKey> {
  public AccountKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(owner, "owner");
  }

  /** A wallet's available balance. */
  public static AccountKey available(WalletId wallet) {
    return new AccountKey(AccountKind.WALLET, wallet.key());
  }

  /** What a wallet's outgoing payments in progress hold. */
  public static AccountKey reserved(WalletId wallet) {
    return new AccountKey(AccountKind.RESERVED, wallet.key());
  }

  /** The sandbox's account of this kind for an asset, e.g. the USD/2 issuer. */
  public static AccountKey system(AccountKind kind, Asset asset) {
    if (kind.ofWallet()) {
      throw new IllegalArgumentException(kind + " accounts belong to wallets, not to the sandbox");
    }
    return new AccountKey(kind, asset.toString());
  }

  /** The order in which a transfer takes its accounts for update. */
  @Override
  public int compareTo(AccountKey other) {
    int byKind = kind.compareTo(other.kind);
    return byKind != 0 ? byKind : owner.compareTo(other.owner);
  }
}
