package dev.opkit.sandbox.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.client.ClientIdentity;
import dev.opkit.client.ClientOptions;
import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.AccessTokenRequest;
import dev.opkit.protocol.model.GrantResponse;
import dev.opkit.protocol.model.InteractFinish;
import dev.opkit.protocol.model.InteractRequest;
import dev.opkit.protocol.model.Limits;
import dev.opkit.sandbox.admin.AdminGrant;
import dev.opkit.sandbox.admin.NewWallet;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProgrammaticSandboxTest {
  @RegisterExtension
  static final OpenPaymentsSandboxExtension SANDBOX =
      OpenPaymentsSandboxExtension.newInstance()
          .profile(Profile.RAFIKI)
          .wallet("ase1", NewWallet.of("payer", "USD", 2, 50_000))
          .wallet("ase2", NewWallet.of("payee", "USD", 2, 0))
          .build();

  private static GrantResponse monthlyGrant(SandboxRuntime sandbox, SandboxClientIdentity id) {
    OpenPaymentsClient client =
        OpenPaymentsClient.create(
            new ClientIdentity(id.walletAddress(), id.keyPair(), id.keyId()),
            ClientOptions.defaults());
    String payer = sandbox.walletAddress("payer");
    Limits limits =
        new Limits(
            null,
            "R/" + Instant.parse("2026-01-01T00:00:00Z") + "/P1M",
            Amount.of("1000", "USD", 2),
            null);
    return client
        .grant()
        .request(
            sandbox.authServer("ase1"),
            new AccessTokenRequest(
                List.of(
                    new AccessItem(
                        AccessType.OUTGOING_PAYMENT,
                        List.of(AccessAction.CREATE, AccessAction.READ),
                        payer,
                        limits))),
            InteractRequest.redirect(
                InteractFinish.redirect("http://localhost:1/finish", "nonce-" + id.keyId())));
  }

  @Test
  void theConsentDriverAccepts(
      SandboxRuntime sandbox, SandboxClientIdentity client, ConsentDriver consent) {
    GrantResponse pending = monthlyGrant(sandbox, client);

    ConsentOutcome outcome = consent.accept(pending.interact().redirect());

    assertThat(outcome.status()).isEqualTo(303);
    assertThat(outcome.location()).startsWith("http://localhost:1/finish");
    assertThat(outcome.interactRef()).isPresent();
    assertThat(outcome.hash()).isPresent();
  }

  @Test
  void theConsentDriverRejectsAGrantByItsContinuationUrl(
      SandboxRuntime sandbox,
      SandboxClientIdentity client,
      ConsentDriver consent,
      SandboxAdmin admin) {
    GrantResponse pending = monthlyGrant(sandbox, client);

    ConsentOutcome outcome = consent.rejectGrant(pending.continuation().uri());

    assertThat(outcome.location()).contains("result=grant_rejected");
    assertThat(outcome.interactRef()).isEmpty();
    assertThat(admin.grants()).extracting(AdminGrant::state).containsExactly("rejected");
  }

  @Test
  void theClockMovesToTheGrantsNextWindow(
      SandboxRuntime sandbox,
      SandboxClientIdentity client,
      SessionClock clock,
      SandboxAdmin admin) {
    GrantResponse pending = monthlyGrant(sandbox, client);
    AdminGrant grant = admin.grants().get(0);
    Instant next = admin.grant(grant.id()).nextWindowStart();

    Instant moved = clock.toNextWindow(pending.continuation().uri());

    assertThat(moved).isEqualTo(next);
    assertThat(clock.now()).isAfterOrEqualTo(next);
  }
}
