package dev.opkit.client;

import dev.opkit.client.exchange.Exchange;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A client with a fixed key and clock talking to a {@link FakeServer} that verifies its signatures;
 * wire bodies as the spec's examples have them, pointing at the fake server.
 */
final class Fixture implements AutoCloseable {
  static final String KEY_ID = "test-key";
  static final Instant NOW = Instant.parse("2025-05-20T13:00:00Z");

  final Ed25519KeyPair key;
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final FakeServer server;
  final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  final OpenPaymentsClient client;

  Fixture() {
    this(ClientOptions.defaults());
  }

  Fixture(ClientOptions options) {
    byte[] seed = new byte[32];
    for (int i = 0; i < seed.length; i++) {
      seed[i] = (byte) (i + 7);
    }
    key = Ed25519KeyPair.fromSeed(seed);
    server = new FakeServer(key.publicKey(), KEY_ID, clock);
    client =
        OpenPaymentsClient.create(
            new ClientIdentity(server.url("/client"), key, KEY_ID),
            options.withClock(clock).withListener(exchanges::add));
  }

  String walletAddress(String name) {
    return """
        {"id":"%1$s/%2$s","publicName":"%2$s","assetCode":"USD","assetScale":2,\
        "authServer":"%1$s/auth","resourceServer":"%1$s"}"""
        .formatted(server.origin(), name);
  }

  String incomingPayment(String id, String received, boolean completed) {
    String plain = incomingPaymentWithoutMethods(id, received, completed);
    return plain.substring(0, plain.length() - 1)
        + ",\"methods\":[{\"type\":\"ilp\",\"ilpAddress\":\"test.bob\",\"sharedSecret\":\"c2VjcmV0\"}]}";
  }

  /** The plain form that list and complete answers carry. */
  String incomingPaymentWithoutMethods(String id, String received, boolean completed) {
    return """
        {"id":"%1$s/incoming-payments/%2$s","walletAddress":"%1$s/bob","completed":%4$s,\
        "incomingAmount":{"value":"500","assetCode":"USD","assetScale":2},\
        "receivedAmount":{"value":"%3$s","assetCode":"USD","assetScale":2},\
        "createdAt":"2025-05-20T13:00:00.000Z"}"""
        .formatted(server.origin(), id, received, completed);
  }

  String quote(String id) {
    return """
        {"id":"%1$s/quotes/%2$s","walletAddress":"%1$s/alice",\
        "receiver":"%1$s/incoming-payments/in-1",\
        "debitAmount":{"value":"510","assetCode":"USD","assetScale":2},\
        "receiveAmount":{"value":"500","assetCode":"USD","assetScale":2},\
        "method":"ilp","createdAt":"2025-05-20T13:00:00.000Z","expiresAt":"2025-05-20T13:05:00.000Z"}"""
        .formatted(server.origin(), id);
  }

  String outgoingPayment(String id, String sent, boolean failed) {
    return """
        {"id":"%1$s/outgoing-payments/%2$s","walletAddress":"%1$s/alice",\
        "quoteId":"%1$s/quotes/%2$s","failed":%4$s,\
        "receiver":"%1$s/incoming-payments/in-1",\
        "debitAmount":{"value":"510","assetCode":"USD","assetScale":2},\
        "receiveAmount":{"value":"500","assetCode":"USD","assetScale":2},\
        "sentAmount":{"value":"%3$s","assetCode":"USD","assetScale":2},\
        "createdAt":"2025-05-20T13:00:00.000Z"}"""
        .formatted(server.origin(), id, sent, failed);
  }

  String approvedGrant(String token) {
    return """
        {"access_token":{"value":"%2$s","manage":"%1$s/auth/token/m-%2$s","expires_in":600,\
        "access":[{"type":"quote","actions":["create","read"]}]},\
        "continue":{"access_token":{"value":"CONT-1"},"uri":"%1$s/auth/continue/c-1"}}"""
        .formatted(server.origin(), token);
  }

  String pendingGrant() {
    return """
        {"interact":{"redirect":"%1$s/auth/interact/i-1/N1","finish":"AS-NONCE"},\
        "continue":{"access_token":{"value":"CONT-1"},"uri":"%1$s/auth/continue/c-1","wait":5}}"""
        .formatted(server.origin());
  }

  String rotatedToken(String token) {
    return """
        {"access_token":{"value":"%2$s","manage":"%1$s/auth/token/m-%2$s","expires_in":600,\
        "access":[{"type":"outgoing-payment","actions":["create","read"],"identifier":"%1$s/alice"}]}}"""
        .formatted(server.origin(), token);
  }

  @Override
  public void close() {
    server.close();
  }
}
