package dev.opkit.mock.wallet;

import dev.opkit.mock.sandbox.Ase;
import java.util.List;
import java.util.Optional;

/** Where the sandbox keeps its wallet addresses. */
public interface WalletStore {
  /** Adds a wallet; false when one with the same URL exists already. */
  boolean add(Wallet wallet);

  Optional<Wallet> findByUrl(String url);

  /** Every wallet of one provider, in creation order. */
  List<Wallet> all(Ase ase);

  /** How many wallet addresses are stored, of every provider. */
  int count();

  void clear();
}
