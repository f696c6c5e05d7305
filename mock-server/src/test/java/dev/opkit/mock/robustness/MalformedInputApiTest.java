package dev.opkit.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.mock.http.JsonRequests;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.signature.RequestSigner;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ten thousand and more requests that are wrong in every way a client can be wrong, over real HTTP
 * from several threads: none gets a 5xx, none hangs, each gets a JSON error (the consent page's
 * HTML is the documented exception), and afterwards no money has moved and nothing was stored.
 */
class MalformedInputApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private static final int CORPUS_SIZE = 10_500;
  private static final long SEED = 20_261_125L;
  private static final Duration PER_REQUEST = Duration.ofSeconds(10);
  private static final int THREADS = 8;

  @Test
  void corpusWhenEveryRequestIsWrongThenEachRefusedAsJsonAndTheBooksUnchanged() throws Exception {
    BadRequestCorpus.Context context = context();
    List<BadRequest> corpus = new BadRequestCorpus(context, SEED).generate(CORPUS_SIZE);
    Books before = books();

    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    AtomicInteger answered = send(corpus, problems);
    answered.addAndGet(sendOversized(problems));

    assertThat(problems).as("requests not refused with a JSON error").isEmpty();
    assertThat(answered.get()).isGreaterThanOrEqualTo(10_000);
    assertThat(books()).isEqualTo(before);
  }

  private AtomicInteger send(List<BadRequest> corpus, ConcurrentLinkedQueue<String> problems)
      throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(PER_REQUEST)
            .build();
    AtomicInteger answered = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int first = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = first; i < corpus.size(); i += THREADS) {
                    check(http, corpus.get(i), problems);
                    answered.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return answered;
  }

  private static void check(HttpClient http, BadRequest bad, ConcurrentLinkedQueue<String> problems)
      throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(bad.url()))
            .timeout(PER_REQUEST)
            .method(
                bad.method(),
                bad.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bad.body()));
    bad.headers().forEach(request::header);
    HttpResponse<String> response;
    try {
      response = sendOnce(http, request.build());
    } catch (HttpTimeoutException e) {
      problems.add(bad + " hung: no answer within " + PER_REQUEST);
      return;
    } catch (IOException e) {
      problems.add(bad + " failed: " + e);
      return;
    }
    String verdict = verdict(bad, response.statusCode(), contentType(response), response.body());
    if (verdict != null) {
      problems.add(bad + " " + verdict);
    }
  }

  /**
   * Sends a request; when a kept-alive connection turns out to have been closed by the server after
   * an earlier refusal (the answer said {@code Connection: close}), sends it once more on a new
   * connection, as any HTTP client does for an idempotent retry.
   */
  private static HttpResponse<String> sendOnce(HttpClient http, HttpRequest request)
      throws IOException, InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      if (e instanceof HttpTimeoutException
          || e.getMessage() == null
          || !e.getMessage().contains("received no bytes")) {
        throw e;
      }
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  /** Why an answer is not a proper refusal, or null when it is one. */
  static String verdict(BadRequest bad, int status, String contentType, String body) {
    if (status >= 500) {
      return "answered " + status + ": " + abbreviate(body);
    }
    if (status < 400) {
      return "was accepted with " + status + ": " + abbreviate(body);
    }
    if (bad.html() && contentType.startsWith("text/html")) {
      return null;
    }
    if (!contentType.startsWith("application/json")) {
      return "answered " + status + " as '" + contentType + "': " + abbreviate(body);
    }
    try {
      JsonNode error = Json.read(body, JsonNode.class).get("error");
      if (error == null
          || !error.path("code").isTextual()
          || !error.path("description").isTextual()
          || error.path("description").asText().isBlank()) {
        return "answered " + status + " without an error object: " + abbreviate(body);
      }
    } catch (RuntimeException e) {
      return "answered " + status + " with a body that is not JSON: " + abbreviate(body);
    }
    return null;
  }

  /** Bodies over the 1 MB limit, declared or chunked, sent to every JSON POST endpoint. */
  private int sendOversized(ConcurrentLinkedQueue<String> problems) throws IOException {
    int sent = 0;
    for (String ase : List.of("ase1", "ase2")) {
      URI origin = URI.create(SANDBOX.base(ase));
      for (String path :
          List.of("/incoming-payments", "/quotes", "/outgoing-payments", "/auth", "/admin/clock")) {
        String head =
            "POST "
                + path
                + " HTTP/1.1\r\nHost: "
                + origin.getAuthority()
                + "\r\nContent-Type: application/json\r\nConnection: close\r\n";
        int size = JsonRequests.MAX_BODY_BYTES + 1;
        String declared =
            RawHttp.exchange(
                origin, head + "Content-Length: " + size + "\r\n\r\n", new byte[0], 10_000);
        byte[] chunked =
            (Integer.toHexString(size) + "\r\n" + "x".repeat(size) + "\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        String streamed =
            RawHttp.exchange(origin, head + "Transfer-Encoding: chunked\r\n\r\n", chunked, 10_000);
        for (String answer : List.of(declared, streamed)) {
          sent++;
          if (!answer.startsWith("HTTP/1.1 413") || !answer.contains("application/json")) {
            problems.add("oversized POST " + path + " answered: " + abbreviate(answer));
          }
        }
      }
    }
    return sent;
  }

  private static String contentType(HttpResponse<String> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private static Books books() {
    return Books.read(List.of("ase1", "ase2"), SANDBOX::adminClient);
  }

  /** A client with live credentials and some resources for the corpus to aim at. */
  private static BadRequestCorpus.Context context() {
    TestClient client = SANDBOX.client("robust");
    String alice = SANDBOX.wallet("ase1", "alice");
    String dave = SANDBOX.wallet("ase2", "dave");
    TestClient.Token incoming =
        client.token(
            "ase2",
            "[{\"type\":\"incoming-payment\",\"actions\":[\"create\",\"read\",\"list\",\"complete\"]}]");
    Response payment =
        client
            .signed("ase2")
            .header("Authorization", "GNAP " + incoming.value())
            .contentType("application/json")
            .body(
                Bodies.json(
                    "{\"walletAddress\":\"%s\",\"incomingAmount\":{\"value\":\"100000\",\"assetCode\":\"USD\",\"assetScale\":2}}",
                    dave))
            .post("/incoming-payments");
    assertThat(payment.statusCode()).as(payment.asString()).isEqualTo(201);
    String incomingPayment = payment.path("id");
    TestClient.Token quoteToken =
        client.token("ase1", "[{\"type\":\"quote\",\"actions\":[\"create\",\"read\"]}]");
    Response quote =
        client
            .signed("ase1")
            .header("Authorization", "GNAP " + quoteToken.value())
            .contentType("application/json")
            .body(
                Bodies.json(
                    "{\"walletAddress\":\"%s\",\"receiver\":\"%s\",\"method\":\"ilp\",\"debitAmount\":{\"value\":\"100\",\"assetCode\":\"USD\",\"assetScale\":2}}",
                    alice, incomingPayment))
            .post("/quotes");
    assertThat(quote.statusCode()).as(quote.asString()).isEqualTo(201);
    String outgoingAccess =
        "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\",\"read\",\"list\"],\"identifier\":\"%s\",\"limits\":{\"debitAmount\":{\"value\":\"100000\",\"assetCode\":\"USD\",\"assetScale\":2}}}]"
            .formatted(alice);
    TestClient.Pending pending = client.requestInteractive("ase1", outgoingAccess);
    Response decision = client.decide(pending, "accept");
    SANDBOX.advance("PT" + pending.waitSeconds() + "S");
    Response continued =
        client.continueWith(pending, TestClient.finishParameters(decision).get("interact_ref"));
    assertThat(continued.statusCode()).as(continued.asString()).isEqualTo(200);
    String outgoingToken = continued.path("access_token.value");
    Response outgoing =
        client
            .signed("ase1")
            .header("Authorization", "GNAP " + outgoingToken)
            .contentType("application/json")
            .body(
                Bodies.json(
                    "{\"walletAddress\":\"%s\",\"quoteId\":\"%s\"}", alice, quote.path("id")))
            .post("/outgoing-payments");
    assertThat(outgoing.statusCode()).as(outgoing.asString()).isEqualTo(201);
    Clock dayAgo = Clock.offset(Clock.systemUTC(), Duration.ofDays(-1));
    return new BadRequestCorpus.Context(
        SANDBOX.base("ase1"),
        SANDBOX.base("ase2"),
        client.url(),
        new RequestSigner(client.keys(), client.keyId(), Clock.systemUTC()),
        new RequestSigner(Ed25519KeyPair.generate(), "not-registered", Clock.systemUTC()),
        new RequestSigner(client.keys(), client.keyId(), dayAgo),
        incoming.value(),
        quoteToken.value(),
        outgoingToken,
        continued.path("access_token.manage"),
        pending.continueUri(),
        pending.continueToken(),
        incomingPayment,
        quote.path("id"),
        outgoing.path("id"));
  }

  @Test
  void verdictWhenServerErrorOrAcceptedOrHtmlThenNamed() {
    BadRequest api = new BadRequest("x", "GET", "http://h/x", Map.of(), null, false);
    BadRequest page = new BadRequest("x", "GET", "http://h/x", Map.of(), null, true);
    String error = "{\"error\":{\"code\":\"400\",\"description\":\"bad\"}}";

    assertThat(verdict(api, 400, "application/json", error)).isNull();
    assertThat(verdict(api, 500, "application/json", error)).contains("answered 500");
    assertThat(verdict(api, 201, "application/json", "{}")).contains("accepted");
    assertThat(verdict(api, 404, "text/html", "<html>")).contains("text/html");
    assertThat(verdict(api, 400, "application/json", "{\"error\":{}}")).contains("error object");
    assertThat(verdict(page, 404, "text/html; charset=utf-8", "<html>")).isNull();
  }
}
