package dev.opkit.mock.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.SpecAssert;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.mock.auth.testing.Wallets;
import dev.opkit.protocol.gnap.FinishHash;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The recurring-payments guide, steps 1–13, against the sandbox with its real auth server: grants,
 * consent through the HTML form, continuation, payments, the clock moved a month and the token
 * rotated between payments, and a refusal past the period's limit. Every auth-server answer is
 * checked against the 1.3.0 spec.
 */
class GuideFlowApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  @Test
  void guideWhenFollowedStepByStepThenRecurringPaymentsWorkWithRotationBetweenThem() {
    TestClient client = SANDBOX.client("shop");
    Wallets wallets = new Wallets(SANDBOX, client);
    String sender = SANDBOX.wallet("ase1", "alice");
    BigInteger startBalance = wallets.balance("ase1", "alice");

    // 1. The wallet addresses, unsigned.
    Response senderDocument = SANDBOX.anywhere().accept("application/json").get(sender);
    assertThat(senderDocument.<String>path("authServer")).isEqualTo(SANDBOX.authServer("ase1"));
    String receiverAuth =
        SANDBOX.anywhere().get(SANDBOX.wallet("ase2", "carol")).path("authServer");
    assertThat(receiverAuth).isEqualTo(SANDBOX.authServer("ase2"));

    // 2-3. Incoming payment grant (non-interactive) and incoming payment on the receiver's side.
    Response incomingGrant =
        SpecAssert.auth(
            client.grant(
                "ase2", "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"read\"]}]"),
            "post-request");
    assertThat(incomingGrant.<Integer>path("access_token.expires_in")).isEqualTo(600);
    String incoming = wallets.incomingPayment("ase2", "carol", "500", "EUR");

    // 4-5. Quote grant and quote on the sender's side.
    Response quote = wallets.quote("ase1", "alice", incoming);
    String debit = quote.path("debitAmount.value");

    // 6. Interactive outgoing-payment grant with an interval limit of one quote per month.
    Instant start = SANDBOX.sandbox().clock().instant();
    String access =
        """
        [{"type":"outgoing-payment","actions":["create","read","list"],"identifier":"%s",
          "limits":{"debitAmount":{"value":"%s","assetCode":"USD","assetScale":2},
                    "interval":"R2/%s/P1M"}}]"""
            .formatted(sender, debit, start);
    TestClient.Pending pending = client.requestInteractive("ase1", access);
    assertThat(pending.redirect()).startsWith(SANDBOX.authServer("ase1") + "/interact/");
    assertThat(pending.waitSeconds()).isEqualTo(5);

    // 7-8. The user reads the consent page and accepts; the client checks the finish hash.
    Response page = client.consentPage(pending);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.asString()).contains("App shop", "Accept", "Reject");
    Response accepted = client.decide(pending, "accept");
    assertThat(accepted.statusCode()).isEqualTo(303);
    Map<String, String> finish = TestClient.finishParameters(accepted);
    assertThat(accepted.header("Location")).startsWith(TestClient.FINISH_URI + "&hash=");
    assertThat(
            new FinishHash(
                    pending.clientNonce(),
                    pending.finish(),
                    finish.get("interact_ref"),
                    SANDBOX.authServer("ase1"))
                .matches(finish.get("hash")))
        .isTrue();

    // 9. Continue after the wait.
    SANDBOX.advance("PT5S");
    Response continued =
        SpecAssert.auth(client.continueWith(pending, finish.get("interact_ref")), "post-continue");
    TestClient.Token token =
        new TestClient.Token(
            continued.path("access_token.value"), continued.path("access_token.manage"));
    assertThat(continued.<String>path("access_token.access[0].limits.interval"))
        .isEqualTo("R2/" + start + "/P1M");

    // 10. The first payment.
    Response first = wallets.pay("ase1", "alice", quote.path("id"), token.value());
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);

    // 11-13. Each later month: move the clock, rotate the token, pay again.
    for (int month = 2; month <= 3; month++) {
      SANDBOX.advance("P1M");
      Response rotation = SpecAssert.auth(client.rotate(token), "post-token");
      TestClient.Token previous = token;
      token = TestClient.rotated(rotation);
      assertThat(token.value()).isNotEqualTo(previous.value());
      assertThat(token.manage()).isNotEqualTo(previous.manage());
      String nextIncoming = wallets.incomingPayment("ase2", "carol", "500", "EUR");
      String nextQuote = wallets.quote("ase1", "alice", nextIncoming).path("id");
      Response payment = wallets.pay("ase1", "alice", nextQuote, token.value());
      assertThat(payment.statusCode()).as(payment.asString()).isEqualTo(201);
      assertThat(payment.<String>path("grantSpentDebitAmount.value")).isEqualTo("0");
      Response stale = wallets.pay("ase1", "alice", nextQuote, previous.value());
      assertThat(stale.statusCode()).isEqualTo(403);
      assertThat(stale.header("WWW-Authenticate"))
          .isEqualTo("GNAP as_uri=" + SANDBOX.authServer("ase1"));
    }

    // Past this month's limit: refused, nothing debited.
    String extraIncoming = wallets.incomingPayment("ase2", "carol", "500", "EUR");
    String extraQuote = wallets.quote("ase1", "alice", extraIncoming).path("id");
    BigInteger before = wallets.balance("ase1", "alice");
    Response refused = wallets.pay("ase1", "alice", extraQuote, token.value());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(wallets.balance("ase1", "alice")).isEqualTo(before);
    assertThat(startBalance.subtract(before))
        .isEqualTo(new BigInteger(debit).multiply(BigInteger.valueOf(3)));

    Response revoked = client.revoke(token);
    assertThat(revoked.statusCode()).isEqualTo(204);
  }
}
