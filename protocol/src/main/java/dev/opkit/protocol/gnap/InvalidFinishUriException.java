package dev.opkit.protocol.gnap;

import dev.opkit.protocol.ProtocolException;

/** An {@code interact.finish.uri} that breaks {@link FinishUri#RULE}. */
public final class InvalidFinishUriException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  public InvalidFinishUriException(String message) {
    super(message);
  }
}
