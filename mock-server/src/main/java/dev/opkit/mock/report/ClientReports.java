package dev.opkit.mock.report;

import dev.opkit.mock.http.Operations;
import dev.opkit.mock.session.Session;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.ClientExchange;
import dev.opkit.mock.store.JournalEntry;
import dev.opkit.mock.store.Transactions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Grades the client under test in a session (issue 18): reads the session's journals on every
 * provider (signature checks, exchanges, misbehaviours' firings) and runs every {@link ClientRule}.
 */
public final class ClientReports {
  /** The rules, in the order the card lists them. */
  static final List<ClientRule> RULES =
      List.of(
          new FreshSignatures(),
          new CoveredComponentsRule(),
          new HonouredWait(),
          new CheckedFinishHash(),
          new RespectedRetryAfter(),
          new ReconciledAfterLostResponse(),
          new StoppedAfterRevocation(),
          new RotatedExpiredToken(),
          new UsedNewContinuationToken(),
          new StoppedOnSpentLimit(),
          new UsedNewManageUrl(),
          new RequotedAfterRefusedQuote(),
          new IgnoredUnknownFields(),
          new SignedWithCurrentKey());

  private final Transactions storage;
  private final int journalCapacity;
  private final Clock realClock;

  /**
   * @param journalCapacity how many entries each provider's journal keeps (all of them are read)
   */
  public ClientReports(Transactions storage, int journalCapacity, Clock realClock) {
    this.storage = storage;
    this.journalCapacity = journalCapacity;
    this.realClock = realClock;
  }

  /** The session's card now. */
  public ReportCard report(Session session) {
    ClientTrail trail = trail(session);
    List<RuleResult> results = RULES.stream().map(rule -> rule.grade(trail)).toList();
    return ReportCard.of(
        session.id().value(), session.config().name(), realClock.instant(), results);
  }

  private ClientTrail trail(Session session) {
    return storage.read(
        session.id(),
        reads -> {
          List<JournalEntry> entries = new ArrayList<>();
          List<ClientExchange> exchanges = new ArrayList<>();
          for (SessionAse ase : session.ases()) {
            entries.addAll(reads.journal().recent(ase.name(), journalCapacity, false));
            exchanges.addAll(reads.journal().exchanges(ase.name()));
          }
          entries.sort(Comparator.comparingLong(JournalEntry::sequence));
          exchanges.sort(Comparator.comparingLong(ClientExchange::sequence));
          Set<String> finish = new HashSet<>();
          for (ClientExchange e : exchanges) {
            if (e.operation().equals(Operations.POST_CONTINUE)) {
              String id = e.path().substring(e.path().lastIndexOf('/') + 1);
              reads
                  .grants()
                  .findByContinueId(id)
                  .flatMap(g -> g.interactionIfAny())
                  .filter(i -> i.finish() != null)
                  .ifPresent(i -> finish.add(id));
            }
          }
          return new ClientTrail(entries, exchanges, reads.journal().firings(), finish);
        });
  }
}
