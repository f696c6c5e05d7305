package dev.opkit.mock.wallet;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Holds the locks of several wallets, taken in creation order so that two payments between the same
 * wallets in opposite directions cannot deadlock. Use with try-with-resources.
 */
public final class WalletLocks implements AutoCloseable {
  private final List<Wallet> held;

  private WalletLocks(List<Wallet> held) {
    this.held = held;
  }

  /** Locks each distinct wallet, in ascending {@link Wallet#ordinal()}. */
  public static WalletLocks lock(Wallet... wallets) {
    List<Wallet> ordered =
        Stream.of(wallets).distinct().sorted(Comparator.comparingLong(Wallet::ordinal)).toList();
    int taken = 0;
    try {
      for (Wallet wallet : ordered) {
        wallet.lock().lock();
        taken++;
      }
    } catch (RuntimeException | Error e) {
      for (int i = taken - 1; i >= 0; i--) {
        ordered.get(i).lock().unlock();
      }
      throw e;
    }
    return new WalletLocks(ordered);
  }

  @Override
  public void close() {
    for (int i = held.size() - 1; i >= 0; i--) {
      held.get(i).lock().unlock();
    }
  }
}
