package dev.opkit.protocol.model;

import dev.opkit.protocol.ProtocolException;

/** A field the Open Payments schema requires is absent or null. */
public class MissingFieldException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  public MissingFieldException(String message) {
    super(message);
  }
}
