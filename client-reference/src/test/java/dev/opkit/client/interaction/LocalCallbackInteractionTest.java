package dev.opkit.client.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.gnap.FinishHash;
import dev.opkit.protocol.gnap.HashEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LocalCallbackInteractionTest {
  private final List<String> printed = new CopyOnWriteArrayList<>();
  private final CompletableFuture<HttpResponse<String>> browserPage = new CompletableFuture<>();
  private final String finishUri = "http://localhost:" + freePort() + "/callback";
  private final Interaction interaction =
      new Interaction(
          "https://auth.example/interact/1", finishUri, "CN", "SN", "https://auth.example");

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A browser that, shown the consent URL, comes straight back with the given query. */
  private BrowserOpener userReturningWith(String query) {
    return uri -> {
      CompletableFuture.runAsync(
          () -> {
            try {
              browserPage.complete(
                  HttpClient.newHttpClient()
                      .send(
                          HttpRequest.newBuilder(URI.create(finishUri + "?" + query)).build(),
                          HttpResponse.BodyHandlers.ofString()));
            } catch (IOException | InterruptedException e) {
              browserPage.completeExceptionally(e);
            }
          });
      return true;
    };
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private LocalCallbackInteraction handler(BrowserOpener browser, Duration timeout) {
    return new LocalCallbackInteraction(finishUri, timeout, printed::add, browser);
  }

  @Test
  void interactWhenUserApprovesThenApprovedAndBrowserToldSo() throws Exception {
    String hash =
        new FinishHash("CN", "SN", "REF", "https://auth.example")
            .encode(HashEncoding.STANDARD_PADDED);

    InteractionResult result =
        handler(
                userReturningWith("hash=" + encode(hash) + "&interact_ref=REF"),
                Duration.ofSeconds(10))
            .interact(interaction);

    assertThat(result).isEqualTo(new InteractionResult.Approved("REF", hash));
    assertThat(browserPage.get().statusCode()).isEqualTo(200);
    assertThat(browserPage.get().body()).contains("Payment approved");
    assertThat(printed.get(0)).contains("https://auth.example/interact/1");
  }

  @Test
  void interactWhenHashWrongThenBrowserWarnedAndResultLeftToCaller() throws Exception {
    InteractionResult result =
        handler(userReturningWith("hash=AAAA&interact_ref=REF"), Duration.ofSeconds(10))
            .interact(interaction);

    assertThat(result).isEqualTo(new InteractionResult.Approved("REF", "AAAA"));
    assertThat(browserPage.get().statusCode()).isEqualTo(400);
    assertThat(browserPage.get().body()).contains("hash does not match");
  }

  @Test
  void interactWhenUserRejectsThenRefused() throws Exception {
    InteractionResult result =
        handler(userReturningWith("result=grant_rejected"), Duration.ofSeconds(10))
            .interact(interaction);

    assertThat(result)
        .isInstanceOfSatisfying(
            InteractionResult.Refused.class, r -> assertThat(r.rejectedByUser()).isTrue());
    assertThat(browserPage.get().body()).contains("Payment not approved");
  }

  @Test
  void interactWhenNobodyComesBackThenTimedOut() {
    InteractionResult result =
        handler(BrowserOpener.NONE, Duration.ofMillis(200)).interact(interaction);

    assertThat(result).isInstanceOf(InteractionResult.TimedOut.class);
    assertThat(printed).anySatisfy(line -> assertThat(line).startsWith("Approve the payment"));
  }

  @Test
  void interactWhenPortTakenThenErrorNamesPort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      LocalCallbackInteraction handler =
          new LocalCallbackInteraction(
              "http://localhost:" + taken.getLocalPort(),
              Duration.ofSeconds(1),
              printed::add,
              BrowserOpener.NONE);

      assertThatThrownBy(() -> handler.interact(interaction))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("port " + taken.getLocalPort());
    }
  }

  @Test
  void requireListenableWhenPortFreeThenPortStillFreeAfterwards() throws IOException {
    handler(BrowserOpener.NONE, Duration.ofSeconds(1)).requireListenable();

    try (ServerSocket again = new ServerSocket(URI.create(finishUri).getPort())) {
      assertThat(again.isBound()).isTrue();
    }
  }

  @Test
  void requireListenableWhenAnEarlierConsentJustFinishedThenStillListenable() throws Exception {
    String hash =
        new FinishHash("CN", "SN", "REF", "https://auth.example")
            .encode(HashEncoding.STANDARD_PADDED);
    handler(userReturningWith("hash=" + encode(hash) + "&interact_ref=REF"), Duration.ofSeconds(10))
        .interact(interaction);
    assertThat(browserPage.get().statusCode()).isEqualTo(200);

    // The finished exchange leaves the port's connections in TIME_WAIT for a while.
    handler(BrowserOpener.NONE, Duration.ofSeconds(1)).requireListenable();
  }

  @Test
  void requireListenableWhenPortTakenThenErrorNamesPort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      LocalCallbackInteraction handler =
          new LocalCallbackInteraction(
              "http://localhost:" + taken.getLocalPort(),
              Duration.ofSeconds(1),
              printed::add,
              BrowserOpener.NONE);

      assertThatThrownBy(handler::requireListenable)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("port " + taken.getLocalPort());
    }
  }

  @Test
  void constructWhenNotHttpThenRefused() {
    assertThatThrownBy(
            () ->
                new LocalCallbackInteraction(
                    "https://example.com/x",
                    Duration.ofSeconds(1),
                    printed::add,
                    BrowserOpener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http URL on this machine");
  }

  @Test
  void constructWhenFragmentOrOffLoopbackThenRefusedNamingTheRule() {
    for (String uri :
        new String[] {"http://localhost:3344/#done", "http://192.168.1.5:3344", "javascript:x"}) {
      assertThatThrownBy(
              () ->
                  new LocalCallbackInteraction(
                      uri, Duration.ofSeconds(1), printed::add, BrowserOpener.NONE))
          .as(uri)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("loopback interface without a fragment");
    }
  }
}
