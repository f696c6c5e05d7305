package dev.opkit.mock.report;

import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.ClientExchange;
import dev.opkit.mock.store.Transactions;
import java.time.Clock;

/** Records each request of the client under test and its answer in the session's journal. */
public final class ClientExchanges {
  private final Transactions storage;
  private final Clock realClock;

  public ClientExchanges(Transactions storage, Clock realClock) {
    this.storage = storage;
    this.realClock = realClock;
  }

  /** One exchange, numbered in the session's journal series. */
  public void record(
      SessionAse ase,
      String method,
      String path,
      String operation,
      int status,
      String errorCode,
      String token,
      boolean signed,
      String detail) {
    String tag = token == null ? null : ClientExchange.tag(token);
    storage.journal(
        ase.sessionId(),
        journal -> {
          journal.exchanged(
              new ClientExchange(
                  journal.nextSequence(),
                  realClock.instant(),
                  ase.name(),
                  method,
                  path,
                  operation,
                  status,
                  errorCode,
                  tag,
                  signed,
                  detail));
          return null;
        });
  }
}
