package dev.opkit.mock.report;

import dev.opkit.mock.store.ClientExchange;
import dev.opkit.mock.store.JournalEntry;
import dev.opkit.mock.store.MisbehaviourFiring;
import dev.opkit.mock.store.MisbehaviourKind;
import java.util.List;
import java.util.Set;

/**
 * Everything the sandbox saw of the client under test in one session, as far as its journals keep
 * it, each list in the order of the session's journal series.
 *
 * @param entries the signed requests' journal entries (signature checks)
 * @param exchanges every request of the client and its answer
 * @param firings what the session's misbehaviours did
 * @param finishContinueIds the continuation ids of the session's grants that have a finish URI
 */
public record ClientTrail(
    List<JournalEntry> entries,
    List<ClientExchange> exchanges,
    List<MisbehaviourFiring> firings,
    Set<String> finishContinueIds) {

  public ClientTrail {
    entries = List.copyOf(entries);
    exchanges = List.copyOf(exchanges);
    firings = List.copyOf(firings);
    finishContinueIds = Set.copyOf(finishContinueIds);
  }

  /** The firings of one kind. */
  public List<MisbehaviourFiring> firings(MisbehaviourKind kind) {
    return firings.stream().filter(f -> f.kind() == kind).toList();
  }

  /** The exchanges after a point of the series. */
  public List<ClientExchange> exchangesAfter(long sequence) {
    return exchanges.stream().filter(e -> e.sequence() > sequence).toList();
  }

  /** An exchange as evidence. */
  public static Evidence evidence(ClientExchange e, String note) {
    return new Evidence(e.sequence(), e.method(), e.path(), e.status(), note);
  }

  /** A journal entry as evidence. */
  public static Evidence evidence(JournalEntry e, String note) {
    return new Evidence(e.sequence(), e.method(), e.targetUri(), e.status(), note);
  }

  /** A firing as evidence. */
  public static Evidence evidence(MisbehaviourFiring f, String note) {
    return new Evidence(f.sequence(), null, null, null, note);
  }
}
