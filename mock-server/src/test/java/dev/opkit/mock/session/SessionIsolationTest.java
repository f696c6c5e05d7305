package dev.opkit.mock.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.opkit.mock.auth.grant.GrantEvents;
import dev.opkit.mock.auth.grant.GrantService;
import dev.opkit.mock.auth.interaction.ConsentTokens;
import dev.opkit.mock.auth.interaction.HtmlPages;
import dev.opkit.mock.auth.interaction.InteractionOutcome;
import dev.opkit.mock.auth.interaction.InteractionService;
import dev.opkit.mock.auth.token.TokenService;
import dev.opkit.mock.http.ApiException;
import dev.opkit.mock.misbehave.Misbehaviours;
import dev.opkit.mock.resource.access.AccessRequest;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.mock.store.AutoConsent;
import dev.opkit.mock.store.ClientIdentity;
import dev.opkit.mock.store.EventData;
import dev.opkit.mock.store.EventRecord;
import dev.opkit.mock.store.EventType;
import dev.opkit.mock.store.GrantRecord;
import dev.opkit.mock.store.Interaction;
import dev.opkit.mock.store.JournalEntry;
import dev.opkit.mock.store.PossibleReplay;
import dev.opkit.mock.store.TokenRecord;
import dev.opkit.mock.store.Transactions;
import dev.opkit.mock.wallet.WalletService;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.signature.HttpMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two sessions made through {@link Sessions} share nothing of the auth side, the events or the
 * journal: what one holds, the other's services answer exactly as for an unknown object (the HTTP
 * isolation tests go through the session URLs).
 */
class SessionIsolationTest {
  private static Sandbox sandbox;
  private static Transactions storage;
  private static SessionAse inA;
  private static SessionAse inB;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.create(SandboxConfig.defaults().ephemeral()).start();
    storage = sandbox.storage();
    inA = made().at(sandbox.ases().get(0));
    inB = made().at(sandbox.ases().get(0));
  }

  @AfterAll
  static void stop() {
    sandbox.stop();
  }

  @Test
  void grantWhenMadeInOneSessionThenTheOtherKnowsNoSuchGrantOrInteraction() {
    GrantRecord grant = grantIn(inA);
    Interaction interaction = grant.interactionIfAny().orElseThrow();

    Optional<GrantRecord> inOwn =
        storage.read(inA.sessionId(), r -> GrantService.find(r, inA, grant.id()));
    Optional<GrantRecord> inOther =
        storage.read(inB.sessionId(), r -> GrantService.find(r, inB, grant.id()));
    Optional<GrantRecord> byContinuation =
        storage.read(inB.sessionId(), r -> r.grants().findByContinueId(grant.continueId()));
    List<GrantRecord> listed =
        storage.read(inB.sessionId(), r -> r.grants().newest(inB.name(), 10));
    assertThat(inOwn).isPresent();
    assertThat(inOther).isEmpty();
    assertThat(byContinuation).isEmpty();
    assertThat(listed).isEmpty();

    InteractionService interactions =
        new InteractionService(
            storage,
            new GrantEvents(sandbox.events()),
            new HtmlPages(),
            new ConsentTokens(sandbox.storage().sharedSecret("consent-pages")),
            new Misbehaviours(storage, Clock.systemUTC(), new WalletService(storage)));
    InteractionOutcome.Page shownInA =
        (InteractionOutcome.Page) interactions.show(inA, interaction.id(), interaction.urlNonce());
    InteractionOutcome.Page shownInB =
        (InteractionOutcome.Page) interactions.show(inB, interaction.id(), interaction.urlNonce());
    InteractionOutcome.Page unknown =
        (InteractionOutcome.Page) interactions.show(inB, "no-such-interaction", "nonce");
    assertThat(shownInA.status()).isEqualTo(200);
    assertThat(shownInB.status()).isEqualTo(404);
    assertThat(shownInB.html()).isEqualTo(unknown.html());
  }

  @Test
  void tokenWhenIssuedInOneSessionThenTheOtherRefusesItAsAnUnknownToken() {
    GrantRecord grant = grantIn(inA);
    TokenRecord token =
        storage.write(
            inA.sessionId(),
            tx -> {
              TokenRecord issued =
                  TokenRecord.issued(
                      "token-" + UUID.randomUUID(),
                      UUID.randomUUID().toString(),
                      grant.id(),
                      inA.name(),
                      inA.session().now(tx),
                      inA.session().now(tx).plus(Duration.ofMinutes(10)));
              tx.tokens().save(issued);
              return issued;
            });

    Optional<TokenRecord> inOwn =
        storage.read(inA.sessionId(), r -> TokenService.find(r, inA, token.value()));
    Optional<TokenRecord> inOther =
        storage.read(inB.sessionId(), r -> TokenService.find(r, inB, token.value()));
    Optional<TokenRecord> managed =
        storage.read(inB.sessionId(), r -> r.tokens().findByManageId(token.manageId()));
    assertThat(inOwn).isPresent();
    assertThat(inOther).isEmpty();
    assertThat(managed).isEmpty();
    ApiException presentedInB = refusal(inB, token.value());
    ApiException madeUp = refusal(inB, "a-token-nobody-issued");
    assertThat(presentedInB.status()).isEqualTo(madeUp.status());
    assertThat(presentedInB.code()).isEqualTo(madeUp.code()).isEqualTo("invalid_token");
    // In its own session the token passes introspection and is refused only for the signature.
    assertThat(refusal(inA, token.value()).code()).isNotEqualTo("invalid_token");
  }

  @Test
  void eventsWhenPublishedInOneSessionThenOnlyItsLogHasThemNumberedFromOne() {
    long before = storage.read(inA.sessionId(), r -> r.events().lastSequence(inA.name()));
    storage.write(
        inA.sessionId(),
        tx -> {
          sandbox
              .events()
              .publish(
                  tx,
                  inA,
                  EventType.GRANT_REQUESTED,
                  EventData.of(JsonNodeFactory.instance.objectNode()));
          return null;
        });

    List<EventRecord> own =
        storage.read(inA.sessionId(), r -> r.events().after(inA.name(), before, 10));
    List<EventRecord> other =
        storage.read(
            inB.sessionId(),
            r -> r.events().newest(inB.name(), 10, EnumSet.allOf(EventType.class)));
    assertThat(own).extracting(EventRecord::type).containsExactly(EventType.GRANT_REQUESTED);
    assertThat(other).noneMatch(e -> e.type() == EventType.GRANT_REQUESTED);
  }

  @Test
  void journalWhenEntryAndSightingInOneSessionThenTheOtherHasNeither() {
    Instant now = Instant.now();
    long sequence =
        storage.journal(
            inA.sessionId(),
            journal -> {
              long number = journal.nextSequence();
              journal.append(entry(number, now));
              journal.sight("fingerprint", now, now.plusSeconds(60), new PossibleReplay(now, 1));
              return number;
            });

    assertThat(sandbox.auth().journal().find(inA, sequence)).isPresent();
    assertThat(sandbox.auth().journal().find(inB, sequence)).isEmpty();
    assertThat(sandbox.auth().journal().recent(inB, 10, false))
        .noneMatch(e -> e.sequence() == sequence);
    Optional<PossibleReplay> inOther =
        storage.journal(
            inB.sessionId(),
            journal ->
                journal.sight("fingerprint", now, now.plusSeconds(60), new PossibleReplay(now, 2)));
    assertThat(inOther).isEmpty();
  }

  @Test
  void autoConsentWhenSetInOneSessionThenTheOtherKeepsItsOwn() {
    SessionAse one = made().at(sandbox.ases().get(0));
    SessionAse other = made().at(sandbox.ases().get(0));

    sandbox.auth().settings().setAutoConsent(one, AutoConsent.ACCEPT);

    assertThat(sandbox.auth().settings().autoConsent(one)).isEqualTo(AutoConsent.ACCEPT);
    assertThat(sandbox.auth().settings().autoConsent(other)).isEqualTo(AutoConsent.OFF);
  }

  private static Session made() {
    return sandbox
        .sessions()
        .create(NewSession.read(Json.mapper().createObjectNode()).toConfig(sandbox.config()), false)
        .session();
  }

  private static GrantRecord grantIn(SessionAse ase) {
    return storage.write(
        ase.sessionId(),
        tx -> {
          Instant now = ase.session().now(tx);
          GrantRecord grant =
              GrantRecord.requested(
                  UUID.randomUUID().toString(),
                  ase.name(),
                  new ClientIdentity.WalletAddress(ase.walletUrl("alice")),
                  "Alice",
                  List.of(
                      Json.mapper()
                          .convertValue(
                              Map.of("type", "incoming-payment", "actions", List.of("read")),
                              AccessItem.class)),
                  null,
                  new Interaction(
                      UUID.randomUUID().toString(),
                      "url-nonce",
                      "finish-nonce",
                      null,
                      now.plus(Duration.ofMinutes(10))),
                  UUID.randomUUID().toString(),
                  "continue-token",
                  Duration.ofSeconds(5),
                  now);
          tx.grants().save(grant);
          return grant;
        });
  }

  private static ApiException refusal(SessionAse ase, String token) {
    AccessRequest request =
        new AccessRequest(
            ase,
            HttpMessage.of("GET", ase.base() + "/incoming-payments", Map.of(), null),
            "GNAP " + token,
            AccessType.INCOMING_PAYMENT,
            AccessAction.READ,
            null);
    Throwable thrown = catchThrowable(() -> sandbox.auth().resourceAccess().authorize(request));
    assertThat(thrown).isInstanceOf(ApiException.class);
    return (ApiException) thrown;
  }

  private static JournalEntry entry(long sequence, Instant at) {
    return new JournalEntry(
        sequence,
        at,
        inA.name(),
        "grant request",
        "POST",
        inA.authServerUrl(),
        inA.walletUrl("alice"),
        JournalEntry.REFUSED,
        401,
        "INVALID_SIGNATURE",
        "refused",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
