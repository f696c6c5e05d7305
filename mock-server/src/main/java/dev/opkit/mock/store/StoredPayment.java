package dev.opkit.mock.store;

import java.util.UUID;

/**
 * What a payment store indexes a payment by, incoming or outgoing: its id, its wallet (and client)
 * for the spec's lists in creation order, and the time it waits for, if any.
 */
public interface StoredPayment {
  UUID id();

  WalletId wallet();

  /** The client wallet address that created it, or null when the sandbox did. */
  String client();

  /** Creation order within the session; the lists' sort key. */
  long sequence();

  /**
   * Whether it waits for a time: an incoming payment's expiry while it is pending, an outgoing
   * payment's delayed settlement.
   */
  boolean waitsForTime();

  /** The time (epoch milliseconds) it waits for; meaningful only when {@link #waitsForTime()}. */
  long waitsUntilMillis();
}
