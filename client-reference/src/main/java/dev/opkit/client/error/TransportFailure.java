package dev.opkit.client.error;

/** Why a request got no HTTP answer. */
public enum TransportFailure {
  /** No answer within the request time-out. */
  TIMEOUT,
  /** The host name could not be resolved. */
  UNKNOWN_HOST,
  /** The connection was refused or could not be opened. */
  CONNECTION_REFUSED,
  /** The thread was interrupted while waiting for the answer. */
  INTERRUPTED,
  /** Any other I/O failure: the connection was reset, TLS failed, the answer was cut off. */
  IO
}
