package dev.opkit.conformance.exchange;

import dev.opkit.client.exchange.Exchange;
import dev.opkit.client.exchange.ExchangeListener;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The last requests of one scenario and what came back, from the reference client's exchange
 * listener and from raw requests: what a failure report shows and what wire checks read.
 */
public final class ExchangeLog implements ExchangeListener {
  /** How many exchanges are kept. */
  public static final int CAPACITY = 12;

  private final Deque<Exchange> recent = new ArrayDeque<>();

  @Override
  public synchronized void onExchange(Exchange exchange) {
    if (recent.size() == CAPACITY) {
      recent.removeFirst();
    }
    recent.addLast(exchange);
  }

  /** The latest exchange, if there was one. */
  public synchronized Optional<Exchange> last() {
    return Optional.ofNullable(recent.peekLast());
  }

  /** The kept exchanges, oldest first. */
  public synchronized List<Exchange> all() {
    return List.copyOf(recent);
  }
}
