package dev.opkit.mock.store;

import java.util.List;
import java.util.Optional;

/** Reading a session's wallet addresses. */
public interface WalletReads {
  Optional<WalletRecord> find(WalletId id);

  /** Every wallet of one provider, in the order they were opened. */
  List<WalletRecord> all(String ase);

  /** How many wallet addresses the session holds, on every provider. */
  int count();
}
