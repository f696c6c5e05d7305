package dev.opkit.sandbox.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.mock.sandbox.AdminConfig;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.Jwk;
import dev.opkit.sandbox.admin.AdminWallet;
import dev.opkit.sandbox.admin.AutoConsent;
import dev.opkit.sandbox.admin.CreatedSession;
import dev.opkit.sandbox.admin.LedgerReport;
import dev.opkit.sandbox.admin.NewWallet;
import dev.opkit.sandbox.admin.SandboxAdmin;
import dev.opkit.sandbox.admin.SandboxAdminException;
import dev.opkit.sandbox.admin.SessionInfo;
import dev.opkit.sandbox.admin.SessionOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The typed admin client ({@code sandbox-admin-client}) against a real in-process sandbox over
 * HTTP; here because that module cannot depend on the sandbox, whose own tests use the client.
 */
class SandboxAdminTest {
  private static final String SECRET = "typed-admin-secret";
  private static Sandbox sandbox;
  private static SandboxAdmin root;

  @BeforeAll
  static void start() {
    sandbox =
        Sandbox.create(
                SandboxConfig.defaults().ephemeral().withAdmin(new AdminConfig(true, SECRET, null)))
            .start();
    root = SandboxAdmin.connect(sandbox.ase("ase1").adminUrl(), SECRET);
  }

  @AfterAll
  static void stop() {
    sandbox.stop();
  }

  @Test
  void aSessionIsMadeListedReadAndDeleted() {
    CreatedSession created =
        root.createSession(
            SessionOptions.defaults()
                .withName("typed")
                .withProfile("strict")
                .withWallet("ase1", NewWallet.of("payer", "USD", 2, 5000).withPublicName("Payer"))
                .withWallet("ase2", NewWallet.of("shop", "EUR", 2, 0)));

    assertThat(created.info().name()).isEqualTo("typed");
    assertThat(created.adminToken()).isNull();
    assertThat(created.info().provider("ase1").profile()).isEqualTo("strict");
    assertThat(created.info().provider("ase1").walletAddress("payer"))
        .endsWith("/" + created.id() + "/payer");
    assertThat(root.sessions().result()).extracting(SessionInfo::id).contains(created.id());
    assertThat(root.sessionInfo(created.id()).provider("ase2").walletAddresses())
        .containsOnlyKeys("shop");

    SandboxAdmin ase1 = root.session(created, "ase1");
    AdminWallet payer = ase1.wallet("payer");
    assertThat(payer.balance().value()).isEqualTo(5000);
    assertThat(payer.publicName()).isEqualTo("Payer");

    root.deleteSession(created.id());
    assertThat(root.sessions().result()).extracting(SessionInfo::id).doesNotContain(created.id());
    assertThatThrownBy(() -> ase1.wallet("payer"))
        .isInstanceOfSatisfying(
            SandboxAdminException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> root.deleteSession(created.id()))
        .isInstanceOfSatisfying(
            SandboxAdminException.class, e -> assertThat(e.code()).isNotBlank());
  }

  @Test
  void walletsKeysBalancesAndFailuresChangeOnlyTheirSession() {
    CreatedSession created = root.createSession(SessionOptions.defaults());
    SandboxAdmin ase1 = root.session(created, "ase1");

    assertThat(ase1.createWallet(NewWallet.of("typed-client", "USD", 2, 0)).id())
        .endsWith("/" + created.id() + "/typed-client");
    Jwk jwk = Ed25519KeyPair.generate().toJwk("typed-key");
    assertThat(ase1.addKey("typed-client", jwk).kid()).isEqualTo("typed-key");
    assertThat(ase1.wallet("typed-client").keys())
        .extracting(Jwk::kid)
        .containsExactly("typed-key");
    ase1.removeKey("typed-client", "typed-key");
    assertThat(ase1.wallet("typed-client").keys()).isEmpty();

    assertThat(ase1.setBalance("typed-client", 12345).balance().value()).isEqualTo(12345);
    assertThat(ase1.failNextPayments("typed-client", 2).pendingFailures()).isEqualTo(2);
    assertThat(ase1.wallets()).extracting(AdminWallet::name).contains("typed-client");
    assertThat(root.wallets()).extracting(AdminWallet::name).doesNotContain("typed-client");

    LedgerReport ledger = ase1.ledger();
    assertThat(ledger.invariantHolds()).isTrue();
    assertThat(ledger.assets()).extracting(LedgerReport.AssetTotals::assetCode).contains("USD");
    assertThat(ase1.incomingPayments("typed-client").path("result").isArray()).isTrue();
    root.deleteSession(created.id());
  }

  @Test
  void aWalletIsFoundByItsAddressInItsSessionOnly() {
    CreatedSession created =
        root.createSession(
            SessionOptions.defaults().withWallet("ase2", NewWallet.of("shop", "EUR", 2, 700)));
    String shop = created.info().provider("ase2").walletAddress("shop");

    AdminWallet found = root.session(created, "ase2").walletAt(shop);
    assertThat(found.id()).isEqualTo(shop);
    assertThat(found.balance().value()).isEqualTo(700);
    SandboxAdmin ase1 = root.session(created, "ase1");
    ase1.createWallet(NewWallet.of("shop", "USD", 2, 0));
    assertThatThrownBy(() -> ase1.walletAt(shop))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(shop);
    assertThatThrownBy(() -> root.walletAt(shop))
        .isInstanceOfSatisfying(
            SandboxAdminException.class, e -> assertThat(e.status()).isEqualTo(404));
    root.deleteSession(created.id());
  }

  @Test
  void theClockProcessingDelayAndAutoConsentAreTheSessions() {
    CreatedSession created = root.createSession(SessionOptions.defaults());
    SandboxAdmin ase1 = root.session(created, "ase1");
    Instant defaultBefore = root.now();

    // The session's clock keeps running from where it is put, so compare within a few seconds.
    Instant start = ase1.setClock(Instant.parse("2027-01-31T10:00:00Z"));
    assertThat(start).isEqualTo(Instant.parse("2027-01-31T10:00:00Z"));
    assertThat(ase1.advance(Period.ofMonths(1)))
        .isBetween(Instant.parse("2027-02-28T10:00:00Z"), Instant.parse("2027-02-28T10:00:10Z"));
    assertThat(ase1.advance(Duration.ofHours(2)))
        .isBetween(Instant.parse("2027-02-28T12:00:00Z"), Instant.parse("2027-02-28T12:00:20Z"));
    assertThat(ase1.now())
        .isBetween(Instant.parse("2027-02-28T12:00:00Z"), Instant.parse("2027-02-28T12:00:30Z"));
    assertThat(root.now()).isBefore(defaultBefore.plus(Duration.ofMinutes(5)));

    assertThat(ase1.setProcessingDelay(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
    assertThat(ase1.processingDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(root.processingDelay()).isEqualTo(Duration.ZERO);

    assertThat(ase1.setAutoConsent(AutoConsent.REJECT)).isEqualTo(AutoConsent.REJECT);
    assertThat(ase1.autoConsent()).isEqualTo(AutoConsent.REJECT);
    assertThat(root.autoConsent()).isNotEqualTo(AutoConsent.REJECT);

    assertThat(ase1.grants()).isEmpty();
    assertThat(ase1.events().result()).isEmpty();
    assertThat(ase1.requests(10, false)).isEmpty();
    root.deleteSession(created.id());
  }

  @Test
  void aSessionsOwnAdminTokenOpensOnlyThatSession() {
    CreatedSession mine = root.createSession(SessionOptions.defaults().withAdminToken());
    CreatedSession other = root.createSession(SessionOptions.defaults().withAdminToken());
    assertThat(mine.adminToken()).isNotBlank();

    assertThat(root.session(mine, "ase1").wallets()).isNotEmpty();
    SandboxAdmin wrongToken =
        SandboxAdmin.connect(root.url(), mine.adminToken()).session(other.info(), "ase1");
    assertThatThrownBy(wrongToken::wallets)
        .isInstanceOfSatisfying(
            SandboxAdminException.class, e -> assertThat(e.status()).isIn(401, 403));
    assertThat(
            SandboxAdmin.connect(root.url(), mine.adminToken())
                .session(mine.info(), "ase1")
                .wallets())
        .isNotEmpty();
    root.deleteSession(mine.id());
    root.deleteSession(other.id());
  }

  @Test
  void aRefusalCarriesTheJsonError() {
    assertThatThrownBy(() -> root.wallet("nobody-here"))
        .isInstanceOfSatisfying(
            SandboxAdminException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.code()).isEqualTo("not_found");
              assertThat(e.description()).contains("nobody-here");
            });
    assertThatThrownBy(() -> root.advanceToNextWindow("no-such-grant"))
        .isInstanceOfSatisfying(
            SandboxAdminException.class, e -> assertThat(e.status()).isEqualTo(404));
  }
}
