package dev.opkit.conformance.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.client.exchange.Exchange;
import dev.opkit.client.exchange.RecordedRequest;
import dev.opkit.client.exchange.RecordedResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeTextTest {
  private static final String TOKEN = "OS9M2PMHKUR64TB8N6BW";
  private static final String NEW_TOKEN = "8F2C1D0E9A7B6C5D4E3F2A1B0C9D8E7F6A5B4C3D";

  private static Exchange rotation() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "GNAP " + TOKEN);
    headers.put("Signature-Input", "sig1=(\"@method\" \"@target-uri\" \"authorization\")");
    headers.put(
        "Signature",
        "sig1=:iG3M48EMNkD2ksRzPz7VLID8lpjEN0rJz9f49yH8uzbo9Eh4nxMgiHKLBMEa5vUbY1Uc4bpwI8zt6ADd82cHAA==:");
    RecordedRequest request =
        new RecordedRequest(
            "POST",
            "https://auth.example/token/1",
            headers,
            "",
            "\"@method\": POST\n\"authorization\": GNAP " + TOKEN);
    RecordedResponse response =
        new RecordedResponse(
            200,
            Map.of("content-type", List.of("application/json")),
            "{\"access_token\":{\"value\":\""
                + NEW_TOKEN
                + "\",\"manage\":\"https://auth.example/token/2\"},\"debitAmount\":{\"value\":\"123456789012345678\"}}");
    return new Exchange("post-token", request, response, null, Duration.ofMillis(12));
  }

  @Test
  void formatWhenExchangeThenRequestSignatureBaseAndResponseShown() {
    String text = ExchangeText.format(rotation());

    assertThat(text)
        .startsWith("post-token: POST https://auth.example/token/1\n")
        .contains("signature base:\n    \"@method\": POST\n")
        .contains("→ 200 after 12 ms")
        .contains("content-type: application/json")
        .contains("\"manage\":\"https://auth.example/token/2\"");
  }

  @Test
  void formatWhenTokensAndSignaturesThenShortenedEverywhere() {
    String text = ExchangeText.format(rotation());

    assertThat(text)
        .doesNotContain(TOKEN, NEW_TOKEN, "iG3M48EMNkD2ksRzPz7VLID8lpjEN0rJz9")
        .contains("GNAP OS9M…", "\"value\":\"8F2C…\"", "sig1=:iG3M…:");
  }

  @Test
  void formatWhenAmountValuesThenKept() {
    assertThat(ExchangeText.format(rotation())).contains("\"value\":\"123456789012345678\"");
  }

  @Test
  void formatWhenSeveralThenNumberedOldestFirst() {
    String text = ExchangeText.format(List.of(rotation(), rotation()));

    assertThat(text).startsWith("#1 post-token").contains("\n#2 post-token");
  }

  @Test
  void formatWhenNoAnswerThenTransportFailureShown() {
    Exchange failed =
        new Exchange(
            "get-wallet-address",
            new RecordedRequest("GET", "https://nowhere.example/alice", Map.of(), "", null),
            null,
            "CONNECTION_REFUSED",
            Duration.ofMillis(3));

    assertThat(ExchangeText.format(failed)).contains("→ no answer: CONNECTION_REFUSED");
  }
}
