package dev.opkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.client.error.ApiErrorException;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.gnap.GnapErrorCode;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.AccessTokenRequest;
import dev.opkit.protocol.model.CreateIncomingPaymentRequest;
import dev.opkit.protocol.model.CreateQuoteRequest;
import dev.opkit.protocol.model.IncomingPayment;
import dev.opkit.protocol.model.Page;
import dev.opkit.protocol.model.PublicIncomingPayment;
import dev.opkit.protocol.model.Quote;
import dev.opkit.protocol.model.WalletAddress;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The library's calls against this project's sandbox, with every answer validated against the 1.3.0
 * specs (the default): what the recurring flow does not already exercise.
 */
class OpenPaymentsClientSandboxTest {
  @RegisterExtension static final SandboxFixture SANDBOX = new SandboxFixture();

  private OpenPaymentsClient client;
  private WalletAddress bob;

  @BeforeEach
  void client() {
    client = SANDBOX.newClient();
    bob = client.walletAddress().get(SANDBOX.wallet("ase1", "bob"));
  }

  private String incomingToken() {
    return client
        .grant()
        .request(
            bob.authServer(),
            AccessTokenRequest.of(
                AccessItem.of(
                    AccessType.INCOMING_PAYMENT,
                    bob.id(),
                    AccessAction.CREATE,
                    AccessAction.READ,
                    AccessAction.LIST,
                    AccessAction.COMPLETE)))
        .accessToken()
        .value();
  }

  @Test
  void incomingPaymentsWhenCreatedThenReadListedCompletedAndPublic() {
    String token = incomingToken();
    IncomingPayment created =
        client
            .incomingPayment()
            .create(
                bob.resourceServer(),
                token,
                new CreateIncomingPaymentRequest(
                    bob.id(),
                    Amount.of("1000", "EUR", 2),
                    SANDBOX.sandbox().clock().instant().plus(1, ChronoUnit.HOURS),
                    null));

    IncomingPayment read = client.incomingPayment().get(created.id(), token);
    Page<IncomingPayment> listed =
        client.incomingPayment().list(bob.resourceServer(), token, bob.id(), Pagination.first(5));
    PublicIncomingPayment publicView = client.incomingPayment().getPublic(created.id());
    IncomingPayment completed = client.incomingPayment().complete(created.id(), token);

    assertThat(read.incomingAmount()).isEqualTo(Amount.of("1000", "EUR", 2));
    assertThat(listed.result()).extracting(IncomingPayment::id).contains(created.id());
    assertThat(publicView.authServer()).isEqualTo(bob.authServer());
    assertThat(completed.completed()).isTrue();
  }

  @Test
  void quoteWhenCreatedThenReadBack() {
    String token = incomingToken();
    IncomingPayment incoming =
        client
            .incomingPayment()
            .create(
                bob.resourceServer(),
                token,
                new CreateIncomingPaymentRequest(bob.id(), Amount.of("900", "EUR", 2), null, null));
    WalletAddress alice = client.walletAddress().get(SANDBOX.wallet("ase1", "alice"));
    String quoteToken =
        client
            .grant()
            .request(
                alice.authServer(),
                AccessTokenRequest.of(
                    AccessItem.of(AccessType.QUOTE, null, AccessAction.CREATE, AccessAction.READ)))
            .accessToken()
            .value();

    Quote quote =
        client
            .quote()
            .create(
                alice.resourceServer(),
                quoteToken,
                CreateQuoteRequest.forIncomingAmount(alice.id(), incoming.id()));

    assertThat(quote.receiveAmount()).isEqualTo(Amount.of("900", "EUR", 2));
    assertThat(client.quote().get(quote.id(), quoteToken)).isEqualTo(quote);
  }

  @Test
  void grantRequestWhenKeyNotRegisteredThenInvalidClientNamingTheRequest() {
    OpenPaymentsClient stranger =
        OpenPaymentsClient.create(
            client.identity().walletAddress(), Ed25519KeyPair.generate(), "unknown-key");

    assertThatThrownBy(
            () ->
                stranger
                    .grant()
                    .request(
                        bob.authServer(),
                        AccessTokenRequest.of(
                            AccessItem.of(AccessType.QUOTE, null, AccessAction.CREATE))))
        .isInstanceOfSatisfying(
            ApiErrorException.class,
            e -> {
              assertThat(e.gnapCode()).contains(GnapErrorCode.INVALID_CLIENT);
              assertThat(e.status()).isIn(400, 401);
              assertThat(e.method()).isEqualTo("POST");
              assertThat(e.url()).isEqualTo(bob.authServer());
            });
  }

  @Test
  void keysWhenRegisteredThenListedAtJwksJson() {
    assertThat(
            client
                .walletAddress()
                .getKeys(client.identity().walletAddress())
                .find(SandboxFixture.KEY_ID))
        .isPresent();
  }
}
