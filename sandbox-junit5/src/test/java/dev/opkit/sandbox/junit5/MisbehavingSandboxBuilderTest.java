package dev.opkit.sandbox.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.sandbox.admin.Misbehaviour;
import dev.opkit.sandbox.admin.ReportCard;
import dev.opkit.sandbox.admin.SandboxAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A misbehaviour given to the extension's builder, and the report card it leads to. */
class MisbehavingSandboxBuilderTest {
  @RegisterExtension
  static final OpenPaymentsSandboxExtension SANDBOX =
      OpenPaymentsSandboxExtension.newInstance()
          .misbehaviour(
              Misbehaviour.rateLimited("get-wallet-address", Duration.ofSeconds(5)).nth(1))
          .build();

  @Test
  void theBuildersMisbehaviourActsAndTheReportCardGradesTheClient(
      SandboxRuntime runtime, SandboxAdmin admin) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest get =
        HttpRequest.newBuilder(URI.create(runtime.walletAddress("alice")))
            .header("Accept", "application/json")
            .build();
    HttpResponse<String> limited = http.send(get, HttpResponse.BodyHandlers.ofString());
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

    ReportCard card = admin.report();
    assertThat(card.verdict("respected-retry-after")).isEqualTo("failed");
    assertThat(card.failedRules()).containsExactly("respected-retry-after");
    assertThat(card.mustBroken()).isFalse();
    assertThat(admin.misbehaviours().get(0).fired()).isEqualTo(1);
  }
}
