package dev.opkit.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OwnOriginsTest {
  private static OwnOrigins origins() {
    OwnOrigins origins = new OwnOrigins(new AllowedHosts(List.of("localhost", "127.0.0.1")));
    origins.listening("http://localhost:4000", 4000);
    origins.listening("http://localhost:4001", 4001);
    return origins;
  }

  @Test
  void canonicalUrlWhenPublishedSpellingThenTheSameUrl() {
    assertThat(origins().canonicalUrl("http://localhost:4001/carol"))
        .contains("http://localhost:4001/carol");
    assertThat(origins().canonicalUrl("http://localhost:4000/3f0c/alice?x=1"))
        .contains("http://localhost:4000/3f0c/alice?x=1");
  }

  @Test
  void canonicalUrlWhenAnotherSpellingThenThePublishedOne() {
    assertThat(origins().canonicalUrl("http://LOCALHOST:4000/al%69ce"))
        .contains("http://localhost:4000/alice");
    assertThat(origins().canonicalUrl("http://127.0.0.1:4001/carol"))
        .contains("http://localhost:4001/carol");
  }

  @Test
  void canonicalUrlWhenNoUriOrNotTheSandboxThenEmpty() {
    assertThat(origins().canonicalUrl("http://localhost:4000/ali|ce")).isEmpty();
    assertThat(origins().canonicalUrl("http://localhost:4000/ali ce")).isEmpty();
    assertThat(origins().canonicalUrl("http://localhost:4002/alice")).isEmpty();
    assertThat(origins().canonicalUrl("http://wallet.example/alice")).isEmpty();
  }
}
