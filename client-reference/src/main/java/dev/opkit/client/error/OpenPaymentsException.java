package dev.opkit.client.error;

import java.util.Objects;

/**
 * Base of every failure an Open Payments call can end in; names the request that failed (method and
 * URL). Subtypes say whether the server answered with an error ({@link ApiErrorException}), the
 * request never got an answer ({@link TransportException}) or the answer broke the Open Payments
 * specs ({@link ResponseValidationException}).
 */
public abstract class OpenPaymentsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String url;

  protected OpenPaymentsException(String method, String url, String message, Throwable cause) {
    super(Objects.requireNonNull(method, "method") + " " + url + ": " + message, cause);
    this.method = method;
    this.url = Objects.requireNonNull(url, "url");
  }

  /** The HTTP method of the request that failed, e.g. {@code POST}. */
  public String method() {
    return method;
  }

  /** The absolute URL of the request that failed, exactly as it was sent. */
  public String url() {
    return url;
  }
}
