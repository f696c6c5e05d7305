package dev.opkit.sandbox.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.keys.Jwk;
import dev.opkit.protocol.model.GrantResponse;
import dev.opkit.sandbox.admin.AdminWallet;
import dev.opkit.sandbox.admin.AutoConsent;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;

@OpenPaymentsSandboxTest(profile = Profile.STRICT, consent = Consent.AUTO_ACCEPT)
@SandboxWallet(name = "alice", balance = "10000", publicName = "Alice")
@SandboxWallet(provider = "ase2", name = "shop", assetCode = "EUR")
class DeclarativeSandboxTest {

  @Test
  void theSessionStartsWithTheDeclaredWalletsProfileAndConsent(
      SandboxRuntime sandbox, SandboxAdmin admin) {
    assertThat(sandbox.walletAddress("ase1", "alice"))
        .endsWith("/" + sandbox.sessionId() + "/alice");
    assertThat(sandbox.walletAddress("shop")).isEqualTo(sandbox.walletAddress("ase2", "shop"));
    assertThat(sandbox.authServer("ase1")).endsWith("/auth/" + sandbox.sessionId());
    assertThat(sandbox.resourceServer("ase2")).endsWith("/" + sandbox.sessionId());
    assertThat(sandbox.provider("ase1").profile()).isEqualTo("strict");
    assertThat(admin.wallets()).extracting(AdminWallet::name).containsExactly("alice");
    assertThat(admin.wallet("alice").balance().value()).isEqualTo(10000);
    assertThat(sandbox.admin("ase2").wallet("shop").assetCode()).isEqualTo("EUR");
    assertThat(admin.autoConsent()).isEqualTo(AutoConsent.ACCEPT);
  }

  @Test
  void theClientIdentitySignsForThisProjectsClient(
      SandboxRuntime sandbox, SandboxClientIdentity identity, SandboxAdmin admin) {
    assertThat(identity.walletAddress()).startsWith(sandbox.resourceServer("ase1") + "/");
    assertThat(admin.wallet(TestSession.CLIENT_WALLET).keys())
        .extracting(Jwk::kid)
        .containsExactly(identity.keyId(), identity.nextKeyId());
    assertThat(identity.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");

    GrantResponse grant =
        IncomingPaymentGrants.request(
            sandbox, identity.walletAddress(), identity.privateKeyPem(), identity.keyId());

    assertThat(grant.accessToken().value()).isNotBlank();
    assertThat(admin.grants()).hasSize(1);
    assertThat(admin.requests(10, false)).isNotEmpty();
  }

  @Test
  void movingTheClockMovesOnlyThisTestsSession(SessionClock clock) {
    Instant before = clock.now();
    Instant moved = clock.advance(Period.ofYears(3));
    assertThat(moved).isAfter(before.plus(Period.ofDays(3 * 365)));
  }

  @Test
  void anotherTestsClockIsUntouched(SessionClock clock) {
    assertThat(clock.now()).isBefore(Instant.now().plus(Period.ofDays(1)));
  }
}
