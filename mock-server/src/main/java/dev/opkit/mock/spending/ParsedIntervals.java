package dev.opkit.mock.spending;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.opkit.protocol.interval.InvalidIntervalException;
import dev.opkit.protocol.interval.RepeatingInterval;

/**
 * Each {@code limits.interval} text parsed once rather than on every payment, consent page and
 * grant check that reads it. Parsing is pure and {@link RepeatingInterval} is thread-safe, so one
 * instance serves every grant written the same way; it also keeps the chain it has walked, so a
 * mixed step ({@code P1M1D}) is walked once, not once per payment. Texts that fail to parse are not
 * kept. The bound is small because an instance with a mixed step may keep a few hundred KB of
 * checkpoints; an evicted text is simply parsed again.
 */
public final class ParsedIntervals {
  private static final int MAX_TEXTS = 128;

  private static final Cache<String, RepeatingInterval> PARSED =
      Caffeine.newBuilder().maximumSize(MAX_TEXTS).build();

  private ParsedIntervals() {}

  /**
   * The parsed interval for a text.
   *
   * @throws InvalidIntervalException as {@link RepeatingInterval#parse} does
   */
  public static RepeatingInterval of(String text) {
    RepeatingInterval known = PARSED.getIfPresent(text);
    if (known != null) {
      return known;
    }
    RepeatingInterval parsed = RepeatingInterval.parse(text);
    PARSED.put(text, parsed);
    return parsed;
  }
}
