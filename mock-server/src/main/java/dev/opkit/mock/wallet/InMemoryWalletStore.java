package dev.opkit.mock.wallet;

import dev.opkit.mock.sandbox.Ase;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link WalletStore} in a concurrent map keyed by wallet address URL. */
public final class InMemoryWalletStore implements WalletStore {
  private final ConcurrentMap<String, Wallet> wallets = new ConcurrentHashMap<>();

  @Override
  public boolean add(Wallet wallet) {
    return wallets.putIfAbsent(wallet.url(), wallet) == null;
  }

  @Override
  public Optional<Wallet> findByUrl(String url) {
    return Optional.ofNullable(wallets.get(url));
  }

  @Override
  public List<Wallet> all(Ase ase) {
    return wallets.values().stream()
        .filter(w -> w.ase() == ase)
        .sorted(Comparator.comparingLong(Wallet::ordinal))
        .toList();
  }

  @Override
  public int count() {
    return wallets.size();
  }

  @Override
  public void clear() {
    wallets.clear();
  }
}
