package dev.opkit.client.exchange;

/**
 * Sees every request the client makes and its outcome, e.g. to print signed headers and signature
 * bases for {@code --verbose}, or to attach them to a failure report. Called on the thread that
 * made the call, after the response was read and before it is parsed; it must not throw.
 */
@FunctionalInterface
public interface ExchangeListener {
  /** A listener that ignores everything. */
  ExchangeListener NONE = exchange -> {};

  /** Called once per request. */
  void onExchange(Exchange exchange);

  /** This listener followed by {@code next}. */
  default ExchangeListener andThen(ExchangeListener next) {
    return exchange -> {
      onExchange(exchange);
      next.onExchange(exchange);
    };
  }
}
