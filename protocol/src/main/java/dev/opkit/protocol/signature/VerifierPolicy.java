package dev.opkit.protocol.signature;

import java.time.Duration;
import java.util.Objects;

/**
 * How old or how far ahead a signature's {@code created} parameter may be (RFC 9421 §3.2.1; the
 * Open Payments docs tell servers to set a maximum age).
 *
 * @param maxAge how far {@code created} may lie in the past
 * @param maxFutureSkew how far {@code created} may lie in the future, for clocks that run ahead
 */
public record VerifierPolicy(Duration maxAge, Duration maxFutureSkew) {
  /** Default maximum age: 5 minutes. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

  /** Default allowance for a signer's clock running ahead: 1 minute. */
  public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofMinutes(1);

  public VerifierPolicy {
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
    if (maxAge.isNegative() || maxFutureSkew.isNegative()) {
      throw new IllegalArgumentException(
          "signature age limits must not be negative: maxAge="
              + maxAge
              + ", maxFutureSkew="
              + maxFutureSkew);
    }
  }

  /** The defaults: 5 minutes in the past, 1 minute in the future. */
  public static VerifierPolicy defaults() {
    return new VerifierPolicy(DEFAULT_MAX_AGE, DEFAULT_MAX_FUTURE_SKEW);
  }
}
