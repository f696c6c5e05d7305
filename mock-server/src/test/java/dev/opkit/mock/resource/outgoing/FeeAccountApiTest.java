package dev.opkit.mock.resource.outgoing;

import static dev.opkit.mock.testing.TestGrants.outgoing;
import static dev.opkit.protocol.gnap.AccessAction.CREATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.sandbox.FeeConfig;
import dev.opkit.mock.testing.Payments;
import dev.opkit.mock.testing.SandboxExtension;
import io.restassured.response.Response;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fees account collects what every payment of an asset pays its provider; unlike a wallet it is
 * not an amount anyone reads as uint64, so it may pass 2^64 - 1 without payments failing.
 */
class FeeAccountApiTest {
  /** A fee as large as what crosses, so three payments of 2^64 - 1 pass 2^64 - 1 in fees. */
  @RegisterExtension
  static final SandboxExtension SANDBOX =
      new SandboxExtension(config -> config.withFees(new FeeConfig(10_000, BigInteger.ZERO)));

  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final Payments payments = new Payments(SANDBOX);

  @Test
  void createWhenTheFeesCollectedPass2To64ThenPaymentsStillSettle() {
    BigInteger fees = BigInteger.ZERO;
    for (int i = 0; i < 3; i++) {
      setBalance("ase1", "alice", MAX);
      setBalance("ase2", "dave", BigInteger.ZERO);
      // A grant's spent amounts are counted up to 2^64 - 1: one grant per payment of that size.
      Response paid = payMaximum(payments.token("g" + i, outgoing(alice(), CREATE)));

      assertThat(paid.statusCode()).as(paid.asString()).isEqualTo(201);
      assertThat(paid.<Boolean>path("failed")).as(paid.asString()).isFalse();
      fees = fees.add(MAX.subtract(new BigInteger(paid.<String>path("receiveAmount.value"))));
    }

    assertThat(fees).isGreaterThan(MAX);
    Response ledger = SANDBOX.at("ase1").get("/admin/ledger");
    assertThat(ledger.<Boolean>path("invariantHolds")).isTrue();
    assertThat(new BigInteger(ledger.<String>path("assets.find { it.assetCode == 'USD' }.fees")))
        .isEqualTo(fees);
  }

  private Response payMaximum(String token) {
    return SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .contentType("application/json")
        .body(
            """
            {"walletAddress":"%s","incomingPayment":"%s",\
            "debitAmount":{"value":"%s","assetCode":"USD","assetScale":2}}"""
                .formatted(alice(), payments.incomingPayment("ase2", "dave", null, null), MAX))
        .post("/outgoing-payments");
  }

  private static void setBalance(String ase, String wallet, BigInteger value) {
    SANDBOX
        .at(ase)
        .contentType("application/json")
        .body("{\"value\":\"" + value + "\"}")
        .post("/admin/wallet-addresses/" + wallet + "/balance")
        .then()
        .statusCode(200);
  }

  private static String alice() {
    return SANDBOX.wallet("ase1", "alice");
  }
}
