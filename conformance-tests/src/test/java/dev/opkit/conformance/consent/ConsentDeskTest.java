package dev.opkit.conformance.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.client.interaction.HeadlessInteraction.Decision;
import dev.opkit.client.interaction.InteractionResult;
import dev.opkit.conformance.events.ScenarioRef;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsentDeskTest {
  private static final ScenarioRef SCENARIO =
      new ScenarioRef("grants/outgoing-payment-grant.feature", 19, "The user accepts the grant");

  @Test
  void doneWhenAnsweredWhileThePromptIsBeingToldThenTheAnswerComesAfterTheWholePrompt()
      throws Exception {
    List<String> told = new CopyOnWriteArrayList<>();
    CountDownLatch promptStarted = new CountDownLatch(1);
    CountDownLatch carryOn = new CountDownLatch(1);
    try (ConsentDesk desk =
        new ConsentDesk(
            line -> {
              if (line.contains("needed")) {
                promptStarted.countDown();
                await(carryOn);
              }
              told.add(line);
            },
            () -> OptionalInt.of(1),
            "http://localhost:3344",
            Duration.ofSeconds(30))) {
      ConsentDesk.Ticket ticket =
          desk.announce(SCENARIO, "outgoing payments", Decision.ACCEPT, "https://wallet/consent");
      assertThat(promptStarted.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Void> answered =
          CompletableFuture.runAsync(
              () -> desk.done(ticket, new InteractionResult.Approved("ref", "hash")));
      Thread.sleep(200);
      carryOn.countDown();
      answered.get(10, TimeUnit.SECONDS);
    }

    assertThat(told).hasSize(5);
    assertThat(told.get(0)).startsWith("Consent 1 needed.");
    assertThat(told.get(3)).startsWith("The wallet then sends your browser back");
    assertThat(told.get(4))
        .isEqualTo(
            "Consent 1 (\"The user accepts the grant\") came back: approved. 0 consents waiting;"
                + " 0 more to come in this run.");
  }

  @Test
  void remainingWhenThePlanIsNotKnownThenOnlyWhatIsWaiting() throws Exception {
    List<String> told = new CopyOnWriteArrayList<>();
    try (ConsentDesk desk =
        new ConsentDesk(
            told::add, OptionalInt::empty, "http://localhost:3344", Duration.ofSeconds(30))) {
      desk.announce(SCENARIO, "outgoing payments", Decision.REJECT, "https://wallet/consent");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (told.size() < 4 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }

    assertThat(told.get(1)).contains("REJECT for \"The user accepts the grant\"");
    assertThat(told.get(3)).endsWith("(up to 30 s for each). 1 consent waiting.");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
