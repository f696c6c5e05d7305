package dev.opkit.conformance.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.client.interaction.BrowserOpener;
import dev.opkit.client.interaction.HeadlessInteraction.Decision;
import dev.opkit.client.interaction.Interaction;
import dev.opkit.client.interaction.InteractionResult;
import dev.opkit.conformance.events.ScenarioRef;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The person's prompts: consents that arrive together are announced together, each saying what to
 * do in the words of its decision, with how many are waiting and how many will follow; the person's
 * browser comes back to each consent's own finish URI.
 */
class PersonConsentTest {
  private static final ScenarioRef ACCEPTS =
      new ScenarioRef("grants/outgoing-payment-grant.feature", 19, "The user accepts the grant");
  private static final ScenarioRef REJECTS =
      new ScenarioRef("grants/outgoing-payment-grant.feature", 30, "The user rejects the grant");

  private final List<String> told = new CopyOnWriteArrayList<>();
  private final HttpClient browser = HttpClient.newHttpClient();
  private FinishListener listener;
  private ConsentDesk desk;

  @BeforeEach
  void open() throws IOException {
    String finishBase;
    try (ServerSocket probe = new ServerSocket(0)) {
      finishBase = "http://localhost:" + probe.getLocalPort();
    }
    listener = FinishListener.open(finishBase);
    desk = new ConsentDesk(told::add, () -> OptionalInt.of(5), finishBase, Duration.ofSeconds(20));
  }

  @AfterEach
  void close() {
    desk.close();
    listener.close();
  }

  private PersonConsent consent(ScenarioRef scenario, String asked) {
    return new PersonConsent(
        listener.expect(), desk, BrowserOpener.NONE, scenario, asked, Duration.ofSeconds(20));
  }

  private static Interaction interaction(String page, String finishUri) {
    return new Interaction(page, finishUri, "client-nonce", "SERVERNONCE", "http://as.example");
  }

  private int comeBack(String finishUri, String query) throws Exception {
    return browser
        .send(
            HttpRequest.newBuilder(URI.create(finishUri + "?" + query)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private void awaitLines(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (told.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @Test
  void answerWhenTwoConsentsArriveTogetherThenOnePromptSaysWhatToDoForEach() throws Exception {
    PersonConsent accept = consent(ACCEPTS, "outgoing payments of up to 10.00 USD");
    PersonConsent reject = consent(REJECTS, "outgoing payments of up to 10.00 USD");
    CompletableFuture<InteractionResult> accepted =
        CompletableFuture.supplyAsync(
            () ->
                accept.answer(
                    interaction("https://wallet.example/consent/a", accept.finishUri()),
                    Decision.ACCEPT));
    CompletableFuture<InteractionResult> rejected =
        CompletableFuture.supplyAsync(
            () ->
                reject.answer(
                    interaction("https://wallet.example/consent/r", reject.finishUri()),
                    Decision.REJECT));

    awaitLines(6);
    assertThat(told).hasSize(6);
    assertThat(told.get(0)).startsWith("2 consents needed (numbers 1 to 2).");
    String acceptLine = told.stream().filter(l -> l.contains("ACCEPT")).findFirst().orElseThrow();
    String rejectLine = told.stream().filter(l -> l.contains("REJECT")).findFirst().orElseThrow();
    assertThat(acceptLine)
        .contains("\"The user accepts the grant\"")
        .contains("outgoing payments of up to 10.00 USD")
        .contains("accept it");
    assertThat(rejectLine).contains("\"The user rejects the grant\"").contains("refuse the grant");
    assertThat(String.join("\n", told)).doesNotContainIgnoringCase("approve");
    assertThat(told)
        .contains("     https://wallet.example/consent/a", "     https://wallet.example/consent/r");
    assertThat(told.get(5)).endsWith("2 consents waiting; 3 more to come in this run.");

    assertThat(comeBack(reject.finishUri(), "result=grant_rejected")).isEqualTo(200);
    assertThat(rejected.get())
        .isInstanceOf(InteractionResult.Refused.class)
        .matches(r -> ((InteractionResult.Refused) r).rejectedByUser());
    assertThat(comeBack(accept.finishUri(), "hash=abc%3D&interact_ref=ref-1")).isEqualTo(200);
    assertThat(accepted.get()).isEqualTo(new InteractionResult.Approved("ref-1", "abc="));

    awaitLines(8);
    assertThat(told.get(6))
        .contains("came back: not approved (grant_rejected)")
        .endsWith("1 consent waiting; 3 more to come in this run.");
    assertThat(told.get(7))
        .contains("came back: approved")
        .endsWith("0 consents waiting; 3 more to come in this run.");
  }

  @Test
  void answerWhenTheBrowserComesBackToAnotherAddressThenItIsNotTakenForTheConsent()
      throws Exception {
    PersonConsent accept = consent(ACCEPTS, "outgoing payments");
    CompletableFuture<InteractionResult> result =
        CompletableFuture.supplyAsync(
            () ->
                accept.answer(
                    interaction("https://wallet.example/consent/a", accept.finishUri()),
                    Decision.ACCEPT));
    awaitLines(4);

    assertThat(comeBack(accept.finishUri() + "-other", "result=grant_rejected")).isEqualTo(404);
    assertThat(comeBack(accept.finishUri(), "hash=h&interact_ref=r")).isEqualTo(200);
    assertThat(result.get()).isEqualTo(new InteractionResult.Approved("r", "h"));
  }
}
