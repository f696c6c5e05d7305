package dev.opkit.conformance.targets;

/** Which side of a payment a wallet is on; in a sandbox each side has its own provider. */
public enum Role {
  /** The wallet money leaves. */
  SENDER,
  /** The wallet money arrives at. */
  RECEIVER
}
