package dev.opkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.sandbox.admin.NewWallet;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One client running the Open Payments recurring-payments guide again and again against the
 * sandbox: incoming-payment grant and incoming payment at the receiver's provider; quote grant,
 * quote, interactive outgoing-payment grant (auto-consent), continuation, outgoing payment, token
 * rotation, second quote and second outgoing payment at the sender's. Each client has its own app
 * wallet address and key, payer and payee, as separate CI suites would.
 */
final class GuideJourney {
  /** What each payment delivers, in cents; the payee's incoming payment takes two. */
  static final long PAYMENT_CENTS = 1000;

  /** Requests in one journey, and how many of them are signed. */
  static final int REQUESTS = 11;

  static final int SIGNED_REQUESTS = 10;

  private static final String NEARLY_UNLIMITED = "1000000000000000";
  private static final Duration TOKEN_RENEWAL = Duration.ofMinutes(2);

  private final SignedClient client;
  private final GrantFlow grants;
  private final Party payer;
  private final Party payee;
  private final Duration clockOffset;

  private GuideJourney(
      SignedClient client, GrantFlow grants, Party payer, Party payee, Duration clockOffset) {
    this.client = client;
    this.grants = grants;
    this.payer = payer;
    this.payee = payee;
    this.clockOffset = clockOffset;
  }

  /**
   * Opens the client's wallets on the sandbox: an app wallet address on the sender's provider with
   * a new key in its {@code jwks.json}, a payer there with plenty of money, a payee on the
   * receiver's provider.
   */
  static GuideJourney open(SandboxAdmin sender, SandboxAdmin receiver, int index, Measurements m) {
    Ed25519KeyPair keys = Ed25519KeyPair.generate();
    String keyId = "bench-key-" + index;
    String appName = "bench-app-" + index;
    String app =
        sender
            .createWallet(NewWallet.of(appName, "USD", 2, 0).withPublicName("Bench app " + index))
            .id();
    sender.addKey(appName, keys.toJwk(keyId));
    SignedClient client = new SignedClient(keys, keyId, m);
    Party payer =
        Party.read(
            client,
            sender
                .createWallet(
                    new NewWallet(
                        "bench-payer-" + index,
                        "Payer " + index,
                        "USD",
                        2,
                        new BigInteger(NEARLY_UNLIMITED)))
                .id());
    Party payee =
        Party.read(
            client,
            receiver
                .createWallet(
                    NewWallet.of("bench-payee-" + index, "USD", 2, 0)
                        .withPublicName("Payee " + index))
                .id());
    Duration offset = Duration.between(Instant.now(), sender.now());
    return new GuideJourney(client, new GrantFlow(client, app), payer, payee, offset);
  }

  SignedClient client() {
    return client;
  }

  /** The same client, wallets and key, recording into {@code measurements}. */
  GuideJourney recordingInto(Measurements measurements) {
    SignedClient other = client.recordingInto(measurements);
    return new GuideJourney(other, grants.with(other), payer, payee, clockOffset);
  }

  /** The guide once, from the incoming-payment grant to the second outgoing payment. */
  void run() {
    Instant now = Instant.now().plus(clockOffset);
    GrantFlow.Token incomingToken =
        grants.approved(
            Step.INCOMING_GRANT,
            payee.authServer(),
            GrantFlow.access("incoming-payment", null, "create", "read", "complete"));
    String incomingPayment =
        client
            .post(
                Step.INCOMING_PAYMENT,
                payee.resourceServer() + "/incoming-payments",
                incomingToken.value(),
                incomingPaymentBody(now),
                201)
            .text("/id");
    GrantFlow.Token quoteToken =
        grants.approved(
            Step.QUOTE_GRANT,
            payer.authServer(),
            GrantFlow.access("quote", null, "create", "read"));
    JsonNode quote = quote(quoteToken, incomingPayment);
    GrantFlow.Token paymentToken =
        grants.interactive(payer.authServer(), outgoingAccess(quote.get("debitAmount"), now));
    pay(paymentToken, quote.get("id").asText());
    GrantFlow.Token rotated = grants.rotate(paymentToken);
    JsonNode second = quote(quoteToken, incomingPayment);
    pay(rotated, second.get("id").asText());
  }

  /**
   * The guide's first signed POST alone, again and again: a new incoming payment for the payee,
   * with an incoming-payment grant renewed every two minutes (the sandbox's tokens live ten).
   */
  LoadGenerator.Work incomingPayments() {
    return new LoadGenerator.Work() {
      private GrantFlow.Token token;
      private long renewAt;

      @Override
      public void once() {
        long now = System.nanoTime();
        if (token == null || now - renewAt > 0) {
          token =
              grants.approved(
                  Step.INCOMING_GRANT,
                  payee.authServer(),
                  GrantFlow.access("incoming-payment", null, "create", "read", "complete"));
          renewAt = now + TOKEN_RENEWAL.toNanos();
        }
        client.post(
            Step.INCOMING_PAYMENT,
            payee.resourceServer() + "/incoming-payments",
            token.value(),
            incomingPaymentBody(Instant.now().plus(clockOffset)),
            201);
      }
    };
  }

  private JsonNode quote(GrantFlow.Token token, String receiver) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("walletAddress", payer.url());
    body.put("receiver", receiver);
    body.put("method", "ilp");
    body.set("receiveAmount", usd(PAYMENT_CENTS));
    return client
        .post(Step.QUOTE, payer.resourceServer() + "/quotes", token.value(), Json.write(body), 201)
        .json();
  }

  private void pay(GrantFlow.Token token, String quoteId) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("walletAddress", payer.url());
    body.put("quoteId", quoteId);
    JsonNode payment =
        client
            .post(
                Step.OUTGOING_PAYMENT,
                payer.resourceServer() + "/outgoing-payments",
                token.value(),
                Json.write(body),
                201)
            .json();
    if (payment.path("failed").asBoolean(false)) {
      throw new JourneyFailure("outgoing payment failed: " + payment);
    }
  }

  /** Outgoing payments from the payer: two of the quote's debit amount a month, by consent. */
  private ArrayNode outgoingAccess(JsonNode debitAmount, Instant now) {
    ArrayNode access = GrantFlow.access("outgoing-payment", payer.url(), "create", "read", "list");
    ObjectNode limits = ((ObjectNode) access.get(0)).putObject("limits");
    ObjectNode limit = limits.putObject("debitAmount");
    limit.put(
        "value",
        Long.toString(Math.multiplyExact(Long.parseLong(debitAmount.get("value").asText()), 2)));
    limit.put("assetCode", debitAmount.get("assetCode").asText());
    limit.put("assetScale", debitAmount.get("assetScale").asInt());
    limits.put(
        "interval",
        "R/" + now.minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS) + "/P1M");
    return access;
  }

  private String incomingPaymentBody(Instant now) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("walletAddress", payee.url());
    body.set("incomingAmount", usd(2 * PAYMENT_CENTS));
    body.put(
        "expiresAt", now.plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS).toString());
    return Json.write(body);
  }

  static ObjectNode usd(long cents) {
    ObjectNode amount = Json.mapper().createObjectNode();
    amount.put("value", Long.toString(cents));
    amount.put("assetCode", "USD");
    amount.put("assetScale", 2);
    return amount;
  }
}
