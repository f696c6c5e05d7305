package dev.opkit.mock.misbehave;

import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.session.MisbehaviourRequest;
import dev.opkit.mock.session.SessionAse;
import dev.opkit.mock.store.ClientExchange;
import dev.opkit.mock.store.GrantRecord;
import dev.opkit.mock.store.IncomingPaymentRecord;
import dev.opkit.mock.store.Misbehaviour;
import dev.opkit.mock.store.MisbehaviourFiring;
import dev.opkit.mock.store.MisbehaviourKind;
import dev.opkit.mock.store.OutgoingPaymentRecord;
import dev.opkit.mock.store.QuoteRecord;
import dev.opkit.mock.store.TokenRecord;
import dev.opkit.mock.store.TokenState;
import dev.opkit.mock.store.Transactions;
import dev.opkit.mock.store.Tx;
import dev.opkit.mock.store.WalletId;
import dev.opkit.mock.wallet.WalletService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The misbehaviours of a session (issue 18): switched on and off through the admin API, kept with
 * their counts in the session's record, and asked by the routes and services where each acts. Every
 * firing is recorded in the session's journal for the report card.
 */
public final class Misbehaviours {
  private final Transactions storage;
  private final Clock realClock;
  private final WalletService wallets;

  public Misbehaviours(Transactions storage, Clock realClock, WalletService wallets) {
    this.storage = storage;
    this.realClock = realClock;
    this.wallets = wallets;
  }

  /** The session's misbehaviours now, with their counts. */
  public List<Misbehaviour> list(SessionAse ase) {
    return ase.session().record().misbehaviours();
  }

  /**
   * Switches one more on.
   *
   * @throws ApiException 400 when the session holds {@link MisbehaviourRequest#MAX_PER_SESSION}
   */
  public Misbehaviour add(SessionAse ase, MisbehaviourRequest request) {
    return storage.write(
        ase.sessionId(),
        tx -> {
          List<Misbehaviour> now = new ArrayList<>(tx.session().record().misbehaviours());
          if (now.size() >= MisbehaviourRequest.MAX_PER_SESSION) {
            throw ApiException.badRequest(
                "this session holds "
                    + now.size()
                    + " misbehaviours, the most it can; DELETE one first");
          }
          Misbehaviour armed = request.arm("m" + tx.nextSequence());
          now.add(armed);
          tx.session().save(tx.session().record().withMisbehaviours(now));
          return armed;
        });
  }

  /** Switches one off; false when the session has none with that id. */
  public boolean remove(SessionAse ase, String id) {
    return storage.write(
        ase.sessionId(),
        tx -> {
          List<Misbehaviour> now = new ArrayList<>(tx.session().record().misbehaviours());
          boolean removed = now.removeIf(m -> m.id().equals(id));
          if (removed) {
            tx.session().save(tx.session().record().withMisbehaviours(now));
          }
          return removed;
        });
  }

  /** Switches every one off. */
  public void clear(SessionAse ase) {
    storage.write(
        ase.sessionId(),
        tx -> {
          tx.session().save(tx.session().record().withMisbehaviours(List.of()));
          return null;
        });
  }

  /**
   * A request of {@code operation} arrived: the request misbehaviour that fires on it, if one does
   * (counted in one transaction, recorded in the journal). No transaction when none acts on the
   * operation; {@code walletAddress} (the wallet address the request is on, or null) is asked only
   * when one acting on it is narrowed to a wallet address. An {@code html-redirect} matches only a
   * request that asks for {@code text/html} ({@code browser}).
   */
  public Optional<Misbehaviour> onRequest(
      SessionAse ase, String operation, Supplier<String> walletAddress, boolean browser) {
    Predicate<Misbehaviour> takes =
        m ->
            m.kind().family() == MisbehaviourKind.Family.REQUEST
                && operation.equals(m.on())
                && (browser || m.kind() != MisbehaviourKind.HTML_REDIRECT);
    List<Misbehaviour> all = list(ase);
    if (all.isEmpty()) {
      return Optional.empty();
    }
    List<Misbehaviour> armed = all.stream().filter(m -> !m.spent() && takes.test(m)).toList();
    if (armed.isEmpty()) {
      return Optional.empty();
    }
    String on =
        armed.stream().anyMatch(m -> m.walletAddress() != null) ? walletAddress.get() : null;
    if (armed.stream().noneMatch(m -> m.coversRequestOn(on))) {
      return Optional.empty();
    }
    Optional<Misbehaviour> fired =
        storage.write(
            ase.sessionId(), tx -> match(tx, m -> takes.test(m) && m.coversRequestOn(on)));
    fired.ifPresent(
        m ->
            record(
                ase,
                m,
                operation,
                null,
                null,
                List.of(),
                m.kind() == MisbehaviourKind.RATE_LIMITED ? m.retryAfterOrDefault() : null,
                null,
                RemovedKey.NONE));
    return fired;
  }

  /** The wallet address of an incoming payment, quote or outgoing payment of the session. */
  public Optional<String> resourceWallet(SessionAse ase, String collection, UUID id) {
    Optional<WalletId> wallet =
        storage.read(
            ase.sessionId(),
            reads ->
                switch (collection) {
                  case "incoming-payments" ->
                      reads.incomingPayments().find(id).map(IncomingPaymentRecord::wallet);
                  case "quotes" -> reads.quotes().find(id).map(QuoteRecord::wallet);
                  case "outgoing-payments" ->
                      reads.outgoingPayments().find(id).map(OutgoingPaymentRecord::wallet);
                  default -> Optional.<WalletId>empty();
                });
    return wallet.map(w -> ase.session().at(w.ase()).walletUrl(w));
  }

  /**
   * Inside a transaction on a grant: the misbehaviour of {@code kind} that fires on it, if one
   * does; counted in {@code tx}, recorded in the journal after the commit.
   *
   * @param walletAddresses the grant's client and the wallet addresses its access names
   */
  public Optional<Misbehaviour> onGrant(
      Tx tx,
      SessionAse ase,
      MisbehaviourKind kind,
      String grantId,
      String continueId,
      List<String> walletAddresses) {
    return onGrant(tx, ase, kind, grantId, continueId, walletAddresses, List.of());
  }

  /**
   * As {@link #onGrant(Tx, SessionAse, MisbehaviourKind, String, String, List)}, recording the tags
   * of the tokens the firing ends.
   */
  public Optional<Misbehaviour> onGrant(
      Tx tx,
      SessionAse ase,
      MisbehaviourKind kind,
      String grantId,
      String continueId,
      List<String> walletAddresses,
      List<String> tokenTags) {
    boolean armed =
        tx.session().record().misbehaviours().stream()
            .anyMatch(m -> m.kind() == kind && !m.spent());
    if (!armed) {
      return Optional.empty();
    }
    Optional<Misbehaviour> fired =
        match(tx, m -> m.kind() == kind && m.covers(grantId, walletAddresses));
    fired.ifPresent(
        m ->
            tx.afterCommit(
                () ->
                    record(
                        ase,
                        m,
                        null,
                        grantId,
                        continueId,
                        tokenTags,
                        null,
                        kind == MisbehaviourKind.RAISED_WAIT ? m.waitTime() : null,
                        RemovedKey.NONE)));
    return fired;
  }

  /**
   * Inside the transaction that created an outgoing payment under a grant: a {@code
   * token-revoked-after-payment} that fires on it revokes the grant's live tokens, a {@code
   * token-expired-after-payment} ends their lifetime now (the grant itself stays: the wallet ended
   * the token, as between two payments of a subscription), a {@code limit-reduced-after-payment}
   * lowers the grant's limits, a {@code client-key-rotated} removes the key that signed the request
   * from the client's JWKS.
   *
   * @param walletAddresses the grant's client and the wallet address its access is for
   * @param client the grant's client
   * @param keyId the {@code keyid} that signed the request, or null
   */
  public void afterPayment(
      Tx tx,
      SessionAse ase,
      String grantId,
      List<String> walletAddresses,
      Instant now,
      String client,
      String keyId) {
    reduceLimitsAfterPayment(tx, ase, grantId, walletAddresses);
    rotateClientKey(tx, ase, grantId, walletAddresses, client, keyId);
    for (MisbehaviourKind kind :
        List.of(
            MisbehaviourKind.TOKEN_REVOKED_AFTER_PAYMENT,
            MisbehaviourKind.TOKEN_EXPIRED_AFTER_PAYMENT)) {
      boolean armed =
          tx.session().record().misbehaviours().stream()
              .anyMatch(m -> m.kind() == kind && !m.spent());
      if (!armed || tx.grants().forUpdate(grantId).isEmpty()) {
        continue;
      }
      List<TokenRecord> live =
          tx.tokens().ofGrant(grantId).stream()
              .filter(t -> t.state() == TokenState.LIVE && !t.expiredAt(now))
              .toList();
      List<String> tags = live.stream().map(t -> ClientExchange.tag(t.value())).toList();
      if (onGrant(tx, ase, kind, grantId, null, walletAddresses, tags).isEmpty()) {
        continue;
      }
      for (TokenRecord token : live) {
        tx.tokens()
            .save(
                kind == MisbehaviourKind.TOKEN_REVOKED_AFTER_PAYMENT
                    ? token.end(TokenState.REVOKED, now)
                    : token.expiredNow(now));
      }
    }
  }

  /**
   * A {@code client-key-rotated} fires only where it can act: the client is a wallet address of
   * this session that lists the signing key. It fires even when that is the client's only key (the
   * firing says none is left, and the report card names it).
   */
  private void rotateClientKey(
      Tx tx,
      SessionAse ase,
      String grantId,
      List<String> walletAddresses,
      String client,
      String keyId) {
    boolean armed =
        tx.session().record().misbehaviours().stream()
            .anyMatch(m -> m.kind() == MisbehaviourKind.CLIENT_KEY_ROTATED && !m.spent());
    if (!armed || keyId == null || !wallets.listsKey(tx, ase.session(), client, keyId)) {
      return;
    }
    Optional<Misbehaviour> fired =
        match(
            tx,
            m ->
                m.kind() == MisbehaviourKind.CLIENT_KEY_ROTATED
                    && m.covers(grantId, walletAddresses));
    if (fired.isEmpty()) {
      return;
    }
    int left = wallets.rotateOut(tx, ase.session(), client, keyId).orElseThrow();
    Misbehaviour m = fired.get();
    tx.afterCommit(
        () ->
            record(
                ase, m, null, grantId, null, List.of(), null, null, new RemovedKey(keyId, left)));
  }

  /**
   * Inside the transaction that created an outgoing payment under a grant: a {@code
   * limit-reduced-after-payment} that fires on it lowers the grant's limits (the tokens issued from
   * then on show them).
   */
  private void reduceLimitsAfterPayment(
      Tx tx, SessionAse ase, String grantId, List<String> walletAddresses) {
    boolean armed =
        tx.session().record().misbehaviours().stream()
            .anyMatch(m -> m.kind() == MisbehaviourKind.LIMIT_REDUCED_AFTER_PAYMENT && !m.spent());
    if (!armed) {
      return;
    }
    Optional<GrantRecord> grant = tx.grants().forUpdate(grantId);
    if (grant.isEmpty() || !LimitReduction.applies(grant.get().access())) {
      return;
    }
    onGrant(
            tx,
            ase,
            MisbehaviourKind.LIMIT_REDUCED_AFTER_PAYMENT,
            grantId,
            grant.get().continueId(),
            walletAddresses)
        .ifPresent(
            m ->
                tx.grants()
                    .save(
                        grant
                            .get()
                            .withAccess(
                                LimitReduction.reduce(
                                    grant.get().access(), m.percentOrDefault()))));
  }

  /**
   * Inside the transaction that creates a quote under a grant: the quote and receiver kinds that
   * fire on it ({@code quote-expires-early}, {@code receiver-completed}, {@code receiver-expired}),
   * each counted and recorded; the caller does what they say.
   *
   * @param walletAddresses the grant's client, the wallet its access is for and the quote's sender
   */
  public List<Misbehaviour> onQuote(
      Tx tx, SessionAse ase, String grantId, List<String> walletAddresses) {
    List<Misbehaviour> fired = new ArrayList<>();
    for (MisbehaviourKind kind : QUOTE_KINDS) {
      onGrant(tx, ase, kind, grantId, null, walletAddresses).ifPresent(fired::add);
    }
    return fired;
  }

  private static final List<MisbehaviourKind> QUOTE_KINDS =
      List.of(
          MisbehaviourKind.QUOTE_EXPIRES_EARLY,
          MisbehaviourKind.RECEIVER_COMPLETED,
          MisbehaviourKind.RECEIVER_EXPIRED);

  /** Counts a match on every misbehaviour that {@code matches}; the first that fires. */
  private static Optional<Misbehaviour> match(Tx tx, Predicate<Misbehaviour> matches) {
    List<Misbehaviour> now = new ArrayList<>();
    Misbehaviour fired = null;
    boolean changed = false;
    for (Misbehaviour m : tx.session().record().misbehaviours()) {
      if (m.spent() || !matches.test(m)) {
        now.add(m);
        continue;
      }
      Misbehaviour counted = m.matched();
      changed = true;
      if (counted.fired() > m.fired()) {
        if (fired == null) {
          fired = counted;
          now.add(counted);
        } else {
          // One firing per request: this one fires on its next match instead.
          now.add(m.passedOver());
        }
      } else {
        now.add(counted);
      }
    }
    if (changed) {
      tx.session().save(tx.session().record().withMisbehaviours(now));
    }
    return Optional.ofNullable(fired);
  }

  /** The key a firing removed from the client's JWKS, and how many the JWKS still lists. */
  private record RemovedKey(String keyId, Integer keysLeft) {
    static final RemovedKey NONE = new RemovedKey(null, null);
  }

  private void record(
      SessionAse ase,
      Misbehaviour m,
      String operation,
      String grantId,
      String continueId,
      List<String> tokenTags,
      Duration retryAfter,
      Duration wait,
      RemovedKey removed) {
    storage.journal(
        ase.sessionId(),
        journal -> {
          journal.fired(
              new MisbehaviourFiring(
                  journal.nextSequence(),
                  realClock.instant(),
                  ase.name(),
                  m.id(),
                  m.kind(),
                  operation,
                  grantId,
                  continueId,
                  tokenTags,
                  retryAfter,
                  wait,
                  removed.keyId(),
                  removed.keysLeft()));
          return null;
        });
  }
}
