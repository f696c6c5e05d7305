package dev.opkit.examples.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.client.ClientIdentity;
import dev.opkit.client.error.ApiErrorException;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.sandbox.admin.SandboxAdmin;
import dev.opkit.sandbox.junit5.ConsentDriver;
import dev.opkit.sandbox.junit5.ConsentOutcome;
import dev.opkit.sandbox.junit5.OpenPaymentsSandboxTest;
import dev.opkit.sandbox.junit5.Profile;
import dev.opkit.sandbox.junit5.SandboxClientIdentity;
import dev.opkit.sandbox.junit5.SandboxRuntime;
import dev.opkit.sandbox.junit5.SandboxWallet;
import dev.opkit.sandbox.junit5.SessionClock;
import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@OpenPaymentsSandboxTest(profile = Profile.RAFIKI)
@SandboxWallet(name = "subscriber", balance = "10000", publicName = "Subscriber")
@SandboxWallet(provider = "ase2", name = "merchant", publicName = "Merchant")
class SubscriptionServiceTest {
  private static final Amount ALLOWANCE = Amount.of("1000", "USD", 2);
  private static final Amount FEE = Amount.of("900", "USD", 2);

  private SandboxRuntime sandbox;
  private SessionClock clock;
  private ConsentDriver consent;
  private SubscriptionService service;

  @BeforeEach
  void setUp(
      SandboxRuntime sandbox,
      SessionClock clock,
      ConsentDriver consent,
      SandboxClientIdentity client) {
    this.sandbox = sandbox;
    this.clock = clock;
    this.consent = consent;
    this.service =
        new SubscriptionService(
            ClientIdentity.fromPem(client.walletAddress(), client.privateKeyPem(), client.keyId()),
            "http://localhost:1/subscribed");
  }

  private PendingSubscription pending() {
    return service.subscribe(sandbox.walletAddress("subscriber"), ALLOWANCE, clock.now());
  }

  private Subscription subscribed() {
    PendingSubscription pending = pending();
    ConsentOutcome accepted = consent.accept(pending.consentUrl());
    waitOut(pending);
    return service.activate(pending, accepted.interactRef().orElseThrow());
  }

  private void waitOut(PendingSubscription pending) {
    Integer wait = pending.continuation().waitSeconds();
    if (wait != null) {
      clock.advance(Duration.ofSeconds(wait));
    }
  }

  private long balance(String provider, String wallet) {
    return sandbox.admin(provider).wallet(wallet).balance().value().longValueExact();
  }

  @Test
  void theFirstMonthIsPaid() {
    Charge charge = service.charge(subscribed(), sandbox.walletAddress("merchant"), FEE);

    assertThat(charge.paid()).as("%s", charge).isTrue();
    assertThat(balance("ase2", "merchant")).isEqualTo(900);
    assertThat(balance("ase1", "subscriber")).isLessThanOrEqualTo(10000 - 900);
  }

  @Test
  void theNextMonthIsPaidAfterTheClockMoves() {
    Subscription subscription = subscribed();
    assertThat(service.charge(subscription, sandbox.walletAddress("merchant"), FEE).paid())
        .isTrue();

    clock.advance(Period.ofMonths(1));
    Charge second = service.charge(subscription, sandbox.walletAddress("merchant"), FEE);

    assertThat(second.paid()).as("%s", second).isTrue();
    assertThat(balance("ase2", "merchant")).isEqualTo(1800);
  }

  @Test
  void aRejectedConsentGivesNoSubscription() {
    PendingSubscription pending = pending();

    ConsentOutcome rejected = consent.reject(pending.consentUrl());

    assertThat(rejected.interactRef()).isEmpty();
    assertThat(rejected.location()).contains("result=grant_rejected");
    waitOut(pending);
    assertThatThrownBy(() -> service.activate(pending, "not-given"))
        .isInstanceOf(ApiErrorException.class);
    assertThat(balance("ase2", "merchant")).isZero();
  }

  @Test
  void aSecondChargeInTheSameMonthIsRefusedAndMovesNoMoney() {
    Subscription subscription = subscribed();
    assertThat(service.charge(subscription, sandbox.walletAddress("merchant"), FEE).paid())
        .isTrue();
    long subscriberAfterFirst = balance("ase1", "subscriber");

    Charge second = service.charge(subscription, sandbox.walletAddress("merchant"), FEE);

    assertThat(second.paid()).isFalse();
    assertThat(second.status()).isEqualTo(403);
    assertThat(balance("ase1", "subscriber")).isEqualTo(subscriberAfterFirst);
    assertThat(balance("ase2", "merchant")).isEqualTo(900);
  }

  @Test
  void aRevokedGrantChargesNothing(SandboxAdmin admin) {
    Subscription subscription = subscribed();
    String grant =
        admin.grants().stream()
            .filter(g -> g.state().equals("approved") || g.state().equals("finalized"))
            .filter(g -> g.access().toString().contains("outgoing-payment"))
            .findFirst()
            .orElseThrow()
            .id();

    admin.revokeGrant(grant);
    Charge charge = service.charge(subscription, sandbox.walletAddress("merchant"), FEE);

    assertThat(charge.paid()).isFalse();
    assertThat(charge.status()).isIn(401, 403);
    assertThat(balance("ase2", "merchant")).isZero();
    assertThat(balance("ase1", "subscriber")).isEqualTo(10000);
  }
}
