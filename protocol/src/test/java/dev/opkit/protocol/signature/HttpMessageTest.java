package dev.opkit.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpMessageTest {
  @Test
  void headerWhenLookedUpInAnyCaseThenFound() {
    HttpMessage message =
        new HttpMessage("GET", "https://a.example/", Map.of("Content-Type", "text/plain"), null);

    assertThat(message.header("content-type")).contains("text/plain");
    assertThat(message.header("CONTENT-TYPE")).contains("text/plain");
    assertThat(message.headers()).containsOnlyKeys("content-type");
  }

  @Test
  void constructorWhenNamesDifferOnlyInCaseThenValuesCombined() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    headers.put("accept", "text/html");

    HttpMessage message = new HttpMessage("GET", "https://a.example/", headers, null);

    assertThat(message.header("accept")).contains("application/json, text/html");
  }

  @Test
  void bodyWhenNullOrEmptyThenNoBody() {
    assertThat(new HttpMessage("GET", "https://a.example/", Map.of(), null).hasBody()).isFalse();
    assertThat(new HttpMessage("GET", "https://a.example/", Map.of(), new byte[0]).hasBody())
        .isFalse();
    assertThat(HttpMessage.of("POST", "https://a.example/", Map.of(), "{}").hasBody()).isTrue();
  }

  @Test
  void bodyWhenCallerChangesArrayThenMessageUnchanged() {
    byte[] body = {1, 2, 3};
    HttpMessage message = new HttpMessage("POST", "https://a.example/", Map.of(), body);

    body[0] = 9;
    message.body()[1] = 9;

    assertThat(message.body()).containsExactly(1, 2, 3);
  }

  @Test
  void equalsWhenSameContentThenEqual() {
    HttpMessage a = HttpMessage.of("POST", "https://a.example/", Map.of("A", "1"), "{}");
    HttpMessage b = HttpMessage.of("POST", "https://a.example/", Map.of("a", "1"), "{}");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a)
        .isNotEqualTo(HttpMessage.of("POST", "https://a.example/", Map.of("a", "1"), "[]"));
  }

  @Test
  void withHeadersWhenNameExistsInOtherCaseThenReplaced() {
    HttpMessage message =
        new HttpMessage("GET", "https://a.example/", Map.of("Signature", "old"), null)
            .withHeaders(Map.of("SIGNATURE", "new"));

    assertThat(message.headers()).containsExactly(Map.entry("signature", "new"));
  }
}
