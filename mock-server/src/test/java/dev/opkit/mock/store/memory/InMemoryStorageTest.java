package dev.opkit.mock.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.opkit.mock.sandbox.FeeConfig;
import dev.opkit.mock.sandbox.SessionConfig;
import dev.opkit.mock.store.AccountKey;
import dev.opkit.mock.store.AccountRecord;
import dev.opkit.mock.store.AutoConsent;
import dev.opkit.mock.store.EventData;
import dev.opkit.mock.store.EventType;
import dev.opkit.mock.store.IncomingPaymentRecord;
import dev.opkit.mock.store.IncomingPaymentState;
import dev.opkit.mock.store.JournalEntry;
import dev.opkit.mock.store.JournalStore;
import dev.opkit.mock.store.PageQuery;
import dev.opkit.mock.store.PageResult;
import dev.opkit.mock.store.PossibleReplay;
import dev.opkit.mock.store.Reads;
import dev.opkit.mock.store.SessionId;
import dev.opkit.mock.store.SessionRecord;
import dev.opkit.mock.store.StorageLimits;
import dev.opkit.mock.store.TokenRecord;
import dev.opkit.mock.store.TokenState;
import dev.opkit.mock.store.UnknownSessionException;
import dev.opkit.mock.store.WalletId;
import dev.opkit.mock.store.WalletRecord;
import dev.opkit.protocol.amount.Asset;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InMemoryStorageTest {
  private static final Asset USD = new Asset("USD", 2);
  private static final WalletId ALICE = new WalletId("ase1", "alice");
  private static final WalletId BOB = new WalletId("ase1", "bob");
  private static final AccountKey COUNTER = new AccountKey(AccountKey.available(ALICE).kind(), "n");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final InMemoryStorage storage = new InMemoryStorage(new StorageLimits(3, 3));
  private final SessionId a = SessionId.random();
  private final SessionId b = SessionId.random();
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @BeforeEach
  void open() {
    storage.open(record(a), 10);
    storage.open(record(b), 10);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void writeWhenWorkThrowsAfterAnyNumberOfWritesThenNothingOfItIsVisible() {
    for (int failAfter = 0; failAfter <= 4; failAfter++) {
      int writes = failAfter;
      assertThatThrownBy(
              () ->
                  storage.write(
                      a,
                      tx -> {
                        List<Runnable> steps =
                            List.of(
                                () -> tx.wallets().save(wallet(ALICE, 1)),
                                () -> tx.ledger().save(account(COUNTER, 7)),
                                () -> tx.incomingPayments().save(incoming(ALICE, 1)),
                                () ->
                                    tx.session()
                                        .save(
                                            tx.session()
                                                .record()
                                                .withClockOffset(Duration.ofDays(1))));
                        for (int i = 0; i < writes; i++) {
                          steps.get(i).run();
                        }
                        tx.afterCommit(
                            () -> {
                              throw new AssertionError("an effect of a failed transaction ran");
                            });
                        throw new IllegalStateException("injected failure after " + writes);
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("injected failure after " + writes);

      storage.read(
          a,
          r -> {
            assertThat(r.wallets().count()).isZero();
            assertThat(r.ledger().all()).isEmpty();
            assertThat(r.incomingPayments().count()).isZero();
            assertThat(r.session().record().clockOffset()).isEqualTo(Duration.ZERO);
            return null;
          });
    }
  }

  @Test
  void writeWhenWorkReadsItsOwnWritesThenItSeesThemAndOthersDoNotUntilCommit() throws Exception {
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch looked = new CountDownLatch(1);
    Future<Boolean> writer =
        pool.submit(
            () ->
                storage.write(
                    a,
                    tx -> {
                      tx.wallets().save(wallet(ALICE, 1));
                      boolean seen = tx.wallets().find(ALICE).isPresent();
                      written.countDown();
                      await(looked);
                      return seen;
                    }));
    await(written);
    assertThat(in(a).wallets().find(ALICE)).isEmpty();
    looked.countDown();

    assertThat(writer.get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(in(a).wallets().find(ALICE)).isPresent();
  }

  @Test
  void writeWhenManyRunAtOnceOnOneRecordThenEachSeesTheLastOnesCommit() throws Exception {
    storage.write(a, tx -> save(tx.ledger(), account(COUNTER, 0)));
    List<Future<?>> all = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < 100; i++) {
      all.add(
          pool.submit(
              () -> {
                await(start);
                return storage.write(
                    a,
                    tx -> {
                      AccountRecord now = tx.ledger().forUpdate(COUNTER).orElseThrow();
                      Thread.yield();
                      tx.ledger().save(now.withBalance(now.balance().add(BigInteger.ONE)));
                      return null;
                    });
              }));
    }
    start.countDown();
    for (Future<?> one : all) {
      one.get(10, TimeUnit.SECONDS);
    }
    assertThat(in(a).ledger().find(COUNTER).orElseThrow().balance())
        .isEqualTo(BigInteger.valueOf(100));
  }

  @Test
  void writeWhenOneSessionsWorkWaitsThenAnotherSessionWritesAndNeitherSeesTheOther()
      throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> slow =
        pool.submit(
            () ->
                storage.write(
                    a,
                    tx -> {
                      tx.wallets().save(wallet(ALICE, 1));
                      inside.countDown();
                      await(release);
                      return null;
                    }));
    await(inside);
    Future<?> other = pool.submit(() -> storage.write(b, tx -> save(tx.wallets(), wallet(BOB, 1))));
    other.get(2, TimeUnit.SECONDS);
    release.countDown();
    slow.get(5, TimeUnit.SECONDS);

    assertThat(in(a).wallets().find(BOB)).isEmpty();
    assertThat(in(b).wallets().find(ALICE)).isEmpty();
    assertThat(in(a).wallets().find(ALICE)).isPresent();
    assertThat(in(b).wallets().find(BOB)).isPresent();
  }

  @Test
  void journalWhenAWriteOfTheSessionIsUnderWayThenTheJournalIsNotKeptWaiting() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> slow =
        pool.submit(
            () ->
                storage.write(
                    a,
                    tx -> {
                      tx.wallets().save(wallet(ALICE, 1));
                      inside.countDown();
                      await(release);
                      return null;
                    }));
    await(inside);
    Future<Optional<PossibleReplay>> journaled =
        pool.submit(() -> storage.journal(a, journal -> sight(journal, "request-1")));
    try {
      assertThat(journaled.get(2, TimeUnit.SECONDS)).isEmpty();
    } finally {
      release.countDown();
    }
    slow.get(5, TimeUnit.SECONDS);

    Optional<PossibleReplay> again = storage.journal(a, journal -> sight(journal, "request-1"));
    assertThat(again).isPresent();
  }

  @Test
  void journalWhenManyTransactionsSightTheSameRequestAtOnceThenExactlyOneFindsItNew()
      throws Exception {
    int racers = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Optional<PossibleReplay>>> sightings = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      sightings.add(
          pool.submit(
              () -> {
                await(start);
                return storage.journal(a, journal -> sight(journal, "request-3"));
              }));
    }
    start.countDown();

    int firsts = 0;
    for (Future<Optional<PossibleReplay>> sighting : sightings) {
      if (sighting.get(5, TimeUnit.SECONDS).isEmpty()) {
        firsts++;
      }
    }
    assertThat(firsts).isEqualTo(1);
  }

  @Test
  void journalWhenEntriesAreAppendedAtOnceThenEveryOneIsKeptUpToTheBound() throws Exception {
    int appends = 200;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Long>> appended = new ArrayList<>();
    for (int i = 0; i < appends; i++) {
      appended.add(
          pool.submit(
              () -> {
                await(start);
                return storage.journal(
                    a,
                    journal -> {
                      long sequence = journal.nextSequence();
                      journal.append(journalEntry(sequence));
                      return sequence;
                    });
              }));
    }
    start.countDown();
    Set<Long> sequences = new HashSet<>();
    for (Future<Long> sequence : appended) {
      sequences.add(sequence.get(5, TimeUnit.SECONDS));
    }

    // The storage keeps three entries per provider: the three newest of all.
    List<JournalEntry> kept =
        storage.read(a, reads -> reads.journal().recent("ase1", appends, false));
    assertThat(sequences).hasSize(appends);
    assertThat(kept)
        .extracting(JournalEntry::sequence)
        .containsExactlyElementsOf(
            sequences.stream().sorted(Comparator.reverseOrder()).limit(3).toList());
  }

  @Test
  void journalWhenWorkThrowsThenNothingOfItIsKept() {
    assertThatThrownBy(
            () ->
                storage.journal(
                    a,
                    journal -> {
                      sight(journal, "request-2");
                      throw new IllegalStateException("injected");
                    }))
        .hasMessage("injected");

    Optional<PossibleReplay> inA = storage.journal(a, journal -> sight(journal, "request-2"));
    Optional<PossibleReplay> inB = storage.journal(b, journal -> sight(journal, "request-2"));
    assertThat(inA).isEmpty();
    assertThat(inB).isEmpty();
  }

  private static JournalEntry journalEntry(long sequence) {
    return new JournalEntry(
        sequence,
        T0,
        "ase1",
        "grant request",
        "POST",
        "https://ase1.example/",
        "urn:jwk:x",
        JournalEntry.VERIFIED,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static Optional<PossibleReplay> sight(JournalStore journal, String fingerprint) {
    return journal.sight(fingerprint, T0, T0.plusSeconds(60), new PossibleReplay(T0, 1));
  }

  @Test
  void afterCommitWhenWriteSucceedsThenEffectsRunInOrderOutsideTheTransaction() {
    List<String> ran = new ArrayList<>();
    storage.write(
        a,
        tx -> {
          tx.wallets().save(wallet(ALICE, 1));
          tx.afterCommit(() -> ran.add("first"));
          tx.afterCommit(() -> ran.add(in(a).wallets().find(ALICE).isPresent() + ""));
          tx.afterCommit(() -> storage.write(a, next -> save(next.wallets(), wallet(BOB, 2))));
          return null;
        });
    assertThat(ran).containsExactly("first", "true");
    assertThat(in(a).wallets().all("ase1")).hasSize(2);
  }

  @Test
  void writeWhenWorkStartsAnotherReadOrWriteOfItsSessionThenRefused() {
    assertThatThrownBy(() -> storage.write(a, tx -> storage.write(a, inner -> null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pass its Tx on");
    assertThatThrownBy(() -> storage.write(a, tx -> storage.read(a, r -> null)))
        .isInstanceOf(IllegalStateException.class);
    SessionId seen = storage.write(a, tx -> storage.read(b, Reads::sessionId));
    assertThat(seen).isEqualTo(b);
  }

  @Test
  void discardWhenDoneThenTheSessionAndEverythingInItIsGone() {
    storage.write(a, tx -> save(tx.wallets(), wallet(ALICE, 1)));
    assertThat(storage.discard(a)).isTrue();

    assertThat(storage.session(a)).isEmpty();
    assertThat(storage.sessions()).extracting(SessionRecord::id).containsExactly(b);
    assertThatThrownBy(() -> in(a).wallets().count()).isInstanceOf(UnknownSessionException.class);
    assertThatThrownBy(() -> storage.write(a, tx -> null))
        .isInstanceOf(UnknownSessionException.class);
    assertThat(storage.discard(a)).isFalse();
  }

  @Test
  void openWhenTheIdExistsThenRefused() {
    assertThatThrownBy(() -> storage.open(record(a), 10)).isInstanceOf(IllegalStateException.class);
    assertThat(storage.sessionCount()).isEqualTo(2);
  }

  @Test
  void openWhenManyAtOnceNearTheBoundThenExactlyTheBoundIsOpenAndDiscardFreesRoom()
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> openings = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      SessionRecord next = record(SessionId.random());
      openings.add(
          pool.submit(
              () -> {
                await(start);
                return storage.open(next, 12);
              }));
    }
    start.countDown();
    int opened = 0;
    for (Future<Boolean> opening : openings) {
      opened += opening.get(10, TimeUnit.SECONDS) ? 1 : 0;
    }

    assertThat(opened).isEqualTo(10);
    assertThat(storage.sessionCount()).isEqualTo(12);
    assertThat(storage.sessions()).hasSize(12);
    assertThat(storage.open(record(SessionId.random()), 12)).isFalse();
    storage.discard(a);
    assertThat(storage.open(record(SessionId.random()), 12)).isTrue();
  }

  @Test
  void clearWhenResetThenEveryStoreIsEmptyButTheRecordAndEventNumbersGoOn() {
    storage.write(
        a,
        tx -> {
          tx.wallets().save(wallet(ALICE, 1));
          tx.events()
              .append(
                  "ase1",
                  EventType.GRANT_REQUESTED,
                  T0,
                  EventData.of(JsonNodeFactory.instance.objectNode()),
                  null);
          tx.session().save(tx.session().record().withClockOffset(Duration.ofHours(1)));
          return null;
        });
    storage.write(
        a,
        tx -> {
          tx.clear();
          assertThat(tx.wallets().find(ALICE)).isEmpty();
          tx.wallets().save(wallet(BOB, 2));
          tx.events()
              .append(
                  "ase1",
                  EventType.GRANT_APPROVED,
                  T0,
                  EventData.of(JsonNodeFactory.instance.objectNode()),
                  null);
          return null;
        });

    storage.read(
        a,
        r -> {
          assertThat(r.wallets().find(ALICE)).isEmpty();
          assertThat(r.wallets().find(BOB)).isPresent();
          assertThat(r.session().record().clockOffset()).isEqualTo(Duration.ofHours(1));
          assertThat(r.events().after("ase1", 0, 10))
              .singleElement()
              .satisfies(e -> assertThat(e.sequence()).isEqualTo(2));
          return null;
        });
  }

  @Test
  void clearWhenTheResetFailsThenTheOldStateStays() {
    storage.write(a, tx -> save(tx.wallets(), wallet(ALICE, 1)));
    assertThatThrownBy(
            () ->
                storage.write(
                    a,
                    tx -> {
                      tx.clear();
                      throw new IllegalStateException("seed failed");
                    }))
        .hasMessage("seed failed");
    assertThat(in(a).wallets().find(ALICE)).isPresent();
  }

  @Test
  void pageWhenPaymentsAreListedThenNewestFirstPerWalletAndClientWithCursors() {
    List<IncomingPaymentRecord> made = new ArrayList<>();
    storage.write(
        a,
        tx -> {
          for (int i = 0; i < 5; i++) {
            IncomingPaymentRecord payment =
                incoming(i % 2 == 0 ? ALICE : BOB, tx.nextSequence(), i < 3 ? "c1" : "c2");
            tx.incomingPayments().save(payment);
            made.add(payment);
          }
          return null;
        });
    PageResult<IncomingPaymentRecord> first =
        storage
            .read(a, r -> r.incomingPayments().page(ALICE, null, new PageQuery(2, false, null)))
            .orElseThrow();
    assertThat(first.items()).containsExactly(made.get(4), made.get(2));
    assertThat(first.hasNextPage()).isTrue();
    assertThat(first.hasPreviousPage()).isFalse();

    PageResult<IncomingPaymentRecord> next =
        storage
            .read(
                a,
                r ->
                    r.incomingPayments()
                        .page(ALICE, null, new PageQuery(2, false, made.get(2).id())))
            .orElseThrow();
    assertThat(next.items()).containsExactly(made.get(0));
    assertThat(next.hasPreviousPage()).isTrue();

    assertThat(
            storage
                .read(
                    a, r -> r.incomingPayments().page(ALICE, "c1", new PageQuery(10, false, null)))
                .orElseThrow()
                .items())
        .containsExactly(made.get(2), made.get(0));
    assertThat(in(a).incomingPayments().page(ALICE, null, new PageQuery(2, true, made.get(1).id())))
        .as("a cursor that is not in the list")
        .isEmpty();
  }

  @Test
  void dueByWhenPaymentsExpireOrCompleteThenOnlyPendingOnesAreDue() {
    IncomingPaymentRecord early = incoming(ALICE, 1, null, T0.plusSeconds(10));
    IncomingPaymentRecord late = incoming(ALICE, 2, null, T0.plusSeconds(20));
    storage.write(
        a,
        tx -> {
          tx.incomingPayments().save(early);
          tx.incomingPayments().save(late);
          return null;
        });
    assertThat(in(a).incomingPayments().dueBy(T0.plusSeconds(30), 10)).containsExactly(early, late);
    storage.write(
        a, tx -> save(tx.incomingPayments(), early.withState(IncomingPaymentState.COMPLETED)));
    assertThat(in(a).incomingPayments().dueBy(T0.plusSeconds(30), 10)).containsExactly(late);
    assertThat(in(a).incomingPayments().dueBy(T0.plusSeconds(15), 10)).isEmpty();
  }

  @Test
  void tokensWhenIssuedInTheSameTransactionThenTheGrantListsThemAtOnce() {
    TokenRecord first = TokenRecord.issued("V1", "M1", "g", "ase1", T0, T0.plusSeconds(60));
    storage.write(a, tx -> save(tx.tokens(), first));
    storage.write(
        a,
        tx -> {
          tx.tokens().save(first.end(TokenState.ROTATED, T0));
          tx.tokens().save(TokenRecord.issued("V2", "M2", "g", "ase1", T0, T0.plusSeconds(60)));
          assertThat(tx.tokens().ofGrant("g"))
              .extracting(TokenRecord::value, TokenRecord::state)
              .containsExactly(
                  org.assertj.core.groups.Tuple.tuple("V1", TokenState.ROTATED),
                  org.assertj.core.groups.Tuple.tuple("V2", TokenState.LIVE));
          assertThat(tx.tokens().findByManageId("M2")).isPresent();
          return null;
        });
    assertThat(in(a).tokens().findByManageId("M2")).isPresent();
    assertThat(in(a).tokens().ofGrant("g")).hasSize(2);
  }

  @Test
  void eventsWhenMoreThanTheLogHoldsThenTheOldestGiveWayAndNumbersStayInOrder() {
    for (int i = 0; i < 5; i++) {
      storage.write(
          a,
          tx ->
              tx.events()
                  .append(
                      "ase1",
                      EventType.GRANT_REQUESTED,
                      T0,
                      EventData.of(JsonNodeFactory.instance.objectNode()),
                      null));
    }
    assertThat(in(a).events().after("ase1", 0, 10))
        .extracting(e -> e.sequence())
        .containsExactly(3L, 4L, 5L);
    assertThat(in(a).events().lastSequence("ase1")).isEqualTo(5);
    assertThat(in(b).events().lastSequence("ase1")).isZero();
  }

  @Test
  void readConsistentWhenWritesRunThenItNeverSeesHalfATransaction() throws Exception {
    AccountKey left = new AccountKey(COUNTER.kind(), "left");
    AccountKey right = new AccountKey(COUNTER.kind(), "right");
    storage.write(
        a,
        tx -> {
          tx.ledger().save(account(left, 1000));
          tx.ledger().save(account(right, 0));
          return null;
        });
    AtomicInteger torn = new AtomicInteger();
    Future<?> mover =
        pool.submit(
            () -> {
              for (int i = 0; i < 1000; i++) {
                storage.write(
                    a,
                    tx -> {
                      AccountRecord l = tx.ledger().forUpdate(left).orElseThrow();
                      AccountRecord r = tx.ledger().forUpdate(right).orElseThrow();
                      tx.ledger().save(l.withBalance(l.balance().subtract(BigInteger.ONE)));
                      tx.ledger().save(r.withBalance(r.balance().add(BigInteger.ONE)));
                      return null;
                    });
              }
              return null;
            });
    while (!mover.isDone()) {
      BigInteger sum =
          storage.readConsistent(
              a,
              r ->
                  r.ledger().all().stream()
                      .map(AccountRecord::balance)
                      .reduce(BigInteger.ZERO, BigInteger::add));
      if (!sum.equals(BigInteger.valueOf(1000))) {
        torn.incrementAndGet();
      }
    }
    mover.get();
    assertThat(torn).hasValue(0);
  }

  private Reads in(SessionId id) {
    return storage.read(id, r -> r);
  }

  private static Void save(dev.opkit.mock.store.WalletStore store, WalletRecord wallet) {
    store.save(wallet);
    return null;
  }

  private static Void save(dev.opkit.mock.store.LedgerStore store, AccountRecord account) {
    store.save(account);
    return null;
  }

  private static Void save(
      dev.opkit.mock.store.IncomingPaymentStore store, IncomingPaymentRecord payment) {
    store.save(payment);
    return null;
  }

  private static Void save(dev.opkit.mock.store.TokenStore store, TokenRecord token) {
    store.save(token);
    return null;
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(5, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static SessionRecord record(SessionId id) {
    SessionConfig config =
        new SessionConfig(
            "test",
            null,
            Map.of(),
            AutoConsent.OFF,
            FeeConfig.DEFAULT,
            List.of(),
            Duration.ofMinutes(5),
            Duration.ZERO,
            null,
            List.of(),
            List.of());
    return SessionRecord.created(id, config, T0, null);
  }

  private static WalletRecord wallet(WalletId id, long ordinal) {
    return WalletRecord.opened(id, null, USD, ordinal);
  }

  private static AccountRecord account(AccountKey key, long balance) {
    return new AccountRecord(key, USD, BigInteger.valueOf(balance));
  }

  private static IncomingPaymentRecord incoming(WalletId wallet, long sequence) {
    return incoming(wallet, sequence, null);
  }

  private static IncomingPaymentRecord incoming(WalletId wallet, long sequence, String client) {
    return incoming(wallet, sequence, client, T0.plusSeconds(3600));
  }

  private static IncomingPaymentRecord incoming(
      WalletId wallet, long sequence, String client, Instant expiresAt) {
    return IncomingPaymentRecord.created(
        UUID.randomUUID(), wallet, USD, sequence, T0, expiresAt, null, null, client);
  }
}
