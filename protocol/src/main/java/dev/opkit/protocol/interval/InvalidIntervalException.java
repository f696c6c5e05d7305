package dev.opkit.protocol.interval;

import dev.opkit.protocol.ProtocolException;

/**
 * A {@code limits.interval} value that is not a repeating interval this kit can apply (ISO 8601-1
 * §5.6, as Open Payments grant limits use it). The message quotes the whole interval and names the
 * part that is wrong.
 */
public class InvalidIntervalException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  private final String interval;

  /**
   * Creates the exception.
   *
   * @param interval the interval text as received
   * @param problem what is wrong with it, naming the offending part
   */
  public InvalidIntervalException(String interval, String problem) {
    super("Invalid repeating interval \"" + interval + "\": " + problem);
    this.interval = interval;
  }

  /** The interval text as received. */
  public String interval() {
    return interval;
  }
}
