package dev.opkit.client.error;

import java.util.Objects;

/**
 * The request got no HTTP answer: time-out, unknown host, refused connection or another I/O
 * failure. Such failures are usually transient; whether to retry is the caller's decision.
 */
public final class TransportException extends OpenPaymentsException {
  private static final long serialVersionUID = 1L;

  private final TransportFailure failure;

  public TransportException(
      String method, String url, TransportFailure failure, String message, Throwable cause) {
    super(method, url, message, cause);
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  /** What kind of failure it was. */
  public TransportFailure failure() {
    return failure;
  }
}
