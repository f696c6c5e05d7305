package dev.opkit.mock.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.opkit.mock.testing.Payments;
import dev.opkit.mock.testing.SandboxExtension;
import dev.opkit.protocol.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Events reach a configured webhook URL as JSON POSTs, without delaying the request. */
class WebhookApiTest {
  private static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();
  private static final HttpServer RECEIVER = receiver();

  @RegisterExtension
  static final SandboxExtension SANDBOX =
      new SandboxExtension(
          c -> c.withWebhookUrl("http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/hooks"));

  private final Payments payments = new Payments(SANDBOX);

  @AfterAll
  static void stopReceiver() {
    RECEIVER.stop(0);
  }

  @Test
  void eventWhenIncomingPaymentCreatedThenWebhookWithTheResource() throws Exception {
    String id = payments.incomingPayment("ase1", "alice", "100", "USD");

    String body = RECEIVED.poll(5, TimeUnit.SECONDS);

    assertThat(body).isNotNull();
    JsonNode event = Json.read(body, JsonNode.class);
    assertThat(event.path("type").asText()).isEqualTo("incoming_payment.created");
    assertThat(event.path("ase").asText()).isEqualTo("ase1");
    assertThat(event.path("data").path("id").asText()).isEqualTo(id);
    assertThat(event.path("id").asText()).hasSize(36);
  }

  private static HttpServer receiver() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hooks",
          exchange -> {
            RECEIVED.add(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
