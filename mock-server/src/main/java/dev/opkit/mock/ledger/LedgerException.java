package dev.opkit.mock.ledger;

/** A transfer the {@link Ledger} refused; nothing of it was applied. */
public class LedgerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LedgerException(String message) {
    super(message);
  }
}
