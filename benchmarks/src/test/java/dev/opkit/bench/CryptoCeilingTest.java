package dev.opkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.signature.HttpMessage;
import dev.opkit.protocol.signature.RequestSigner;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CryptoCeilingTest {
  private static final WarmUp.Outcome NO_WARM_UP =
      new WarmUp.Outcome(java.time.Duration.ZERO, WarmUp.Ending.FIXED);

  private final Ed25519KeyPair keys = Ed25519KeyPair.generate();

  @Test
  void workWhenRunThenEveryRequestSignedVerifiedAndTimed() {
    CryptoCeiling ceiling = new CryptoCeiling();
    Measurements measurements = new Measurements();
    CryptoCeiling.ClientRequests client =
        new CryptoCeiling.ClientRequests(
            keys,
            "key-1",
            List.of(
                request(Step.QUOTE, "{\"walletAddress\":\"https://w.example/alice\"}"),
                request(Step.GET_OUTGOING, null)));

    LoadGenerator.Work work = ceiling.work(client, measurements);
    work.once();
    work.once();

    LoadResult result = measurements.finish(NO_WARM_UP);
    assertThat(result.signedRequests()).isEqualTo(4);
    assertThat(result.latencies()).containsOnlyKeys(Step.QUOTE, Step.GET_OUTGOING);
  }

  @Test
  void signAndVerifyWhenVerifierKnowsAnotherKeyThenFailsLoudly() {
    CryptoCeiling ceiling = new CryptoCeiling();
    CryptoCeiling.ClientRequests wrongKey =
        new CryptoCeiling.ClientRequests(
            Ed25519KeyPair.generate(), "key-1", List.of(request(Step.QUOTE, "{}")));

    assertThatThrownBy(
            () ->
                ceiling.signAndVerify(
                    new RequestSigner(keys, "key-1", Clock.systemUTC()),
                    wrongKey,
                    request(Step.QUOTE, "{}").message()))
        .isInstanceOf(JourneyFailure.class)
        .hasMessageContaining("did not verify");
  }

  private static SignedClient.CapturedRequest request(Step step, String body) {
    return new SignedClient.CapturedRequest(
        step,
        HttpMessage.of(
            body == null ? "GET" : "POST",
            "https://w.example/quotes",
            body == null
                ? Map.of("Authorization", "GNAP TOKEN")
                : Map.of("Authorization", "GNAP TOKEN", "Content-Type", "application/json"),
            body));
  }
}
