package dev.opkit.mock.session;

import dev.opkit.mock.store.Tx;

/** Puts a session's starting state into its stores: the wallets of its seed, with their money. */
@FunctionalInterface
public interface SessionSeeder {
  /** Seeds the session inside the transaction that creates or resets it. */
  void seed(Tx tx, Session session);
}
