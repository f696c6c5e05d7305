package dev.opkit.mock.store;

import java.util.function.Function;

/**
 * The one way state of a session changes (the transaction port). Implementations promise, for the
 * work of a {@link #write}:
 *
 * <ul>
 *   <li><b>atomic</b>: all of its writes happen or none; an exception anywhere in the work leaves
 *       every store of the session exactly as before, and the exception reaches the caller;
 *   <li><b>isolated</b>: concurrent work that touches the same objects is serialized, so a check
 *       made inside the work still holds when its writes commit;
 *   <li><b>possibly repeated</b>: a database may run the work again after a serialization failure,
 *       so the work must have no effect outside the transaction; such effects go to {@link
 *       Tx#afterCommit};
 *   <li><b>not nested</b>: work never starts another read or write of the same session; it passes
 *       its {@link Tx} on instead.
 * </ul>
 *
 * Sessions never wait for each other.
 *
 * @throws UnknownSessionException (every method) when the session does not exist (any more)
 */
public interface Transactions {
  /** Runs {@code work} as one transaction on the session and returns its result. */
  <T> T write(SessionId session, Function<Tx, T> work);

  /**
   * Runs {@code work} as one transaction on the session's request journal alone (its entries and
   * the signed requests it saw): atomic, as {@link #write} is, but not serialized with the
   * session's other writes, since a journal entry never has to agree with any other record. Only
   * sightings of one fingerprint are serialized: of two journal transactions that sight the same
   * request, exactly one finds it new. Every signed request is journaled, so it must not queue
   * behind the payments and grants of the same session, nor behind the other requests.
   */
  <T> T journal(SessionId session, Function<JournalStore, T> work);

  /** Runs {@code work} on the session's committed records (each read on its own). */
  <T> T read(SessionId session, Function<Reads, T> work);

  /**
   * Runs {@code work} on committed records that are consistent with each other: no write of the
   * session commits while it runs (ledger totals, whole-session views).
   */
  <T> T readConsistent(SessionId session, Function<Reads, T> work);
}
