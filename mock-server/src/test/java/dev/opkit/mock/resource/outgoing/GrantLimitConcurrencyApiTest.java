package dev.opkit.mock.resource.outgoing;

import static dev.opkit.mock.testing.TestGrants.outgoingLimited;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.testing.Payments;
import dev.opkit.mock.testing.SandboxExtension;
import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.amount.Asset;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The limit check and the debit are one atomic step: many concurrent payments against one grant
 * window cannot spend more than the window allows.
 */
class GrantLimitConcurrencyApiTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();

  private static final int ATTEMPTS = 60;
  private static final String TEN_DOLLARS =
      "\"debitAmount\":{\"value\":\"1000\",\"assetCode\":\"USD\",\"assetScale\":2}";

  private final Payments payments = new Payments(SANDBOX);

  @Test
  void createWhenManyConcurrentPaymentsOnAWindowForFiveThenExactlyFiveSucceed() throws Exception {
    String interval = "R/" + SANDBOX.sandbox().clock().instant().minusSeconds(60) + "/P1M";
    String alice = SANDBOX.wallet("ase1", "alice");
    String token =
        payments.token(
            "grant-5", outgoingLimited(alice, Amount.of(5000, new Asset("USD", 2)), interval));
    String receiver = payments.incomingPayment("ase2", "dave", null, null);
    List<String> quotes = new ArrayList<>();
    for (int i = 0; i < ATTEMPTS; i++) {
      quotes.add(payments.quoteId("ase1", "alice", receiver, TEN_DOLLARS));
    }
    BigInteger aliceBefore = payments.balance("ase1", "alice");
    BigInteger daveBefore = payments.balance("ase2", "dave");

    ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> statuses = new ArrayList<>();
    for (String quote : quotes) {
      statuses.add(
          pool.submit(
              () -> {
                start.await();
                return payments.payQuote("ase1", "alice", quote, token).statusCode();
              }));
    }
    start.countDown();
    List<Integer> results = new ArrayList<>();
    for (Future<Integer> status : statuses) {
      results.add(status.get());
    }
    pool.shutdown();

    assertThat(results).filteredOn(s -> s == 201).hasSize(5);
    assertThat(results).filteredOn(s -> s == 403).hasSize(ATTEMPTS - 5);
    assertThat(payments.balance("ase1", "alice"))
        .isEqualTo(aliceBefore.subtract(BigInteger.valueOf(5 * 1000)));
    assertThat(payments.balance("ase2", "dave"))
        .isEqualTo(daveBefore.add(BigInteger.valueOf(5 * 990)));
    assertThat(payments.invariantHolds()).isTrue();
  }
}
