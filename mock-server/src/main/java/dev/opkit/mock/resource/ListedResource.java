package dev.opkit.mock.resource;

import dev.opkit.mock.wallet.Wallet;
import java.util.UUID;

/** A resource that a wallet's list endpoint pages through: newest first, by creation sequence. */
public interface ListedResource {
  UUID id();

  Wallet wallet();

  /** The client that created it, or null when none did (e.g. preloaded data). */
  String client();

  /** Creation order across the sandbox; the list's sort key. */
  long sequence();
}
