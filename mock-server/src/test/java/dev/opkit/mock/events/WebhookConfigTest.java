package dev.opkit.mock.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The default delivery schedule is Rafiki's ({@code packages/backend/src/webhook/service.ts},
 * {@code config/app.ts}): 2 s time-out, 10 attempts, attempt n failed waits min(n, 6) × 10 s.
 */
class WebhookConfigTest {
  @Test
  void defaultsWhenNothingConfiguredThenRafikisSchedule() {
    WebhookConfig config = WebhookConfig.DEFAULTS;

    assertThat(config.secret()).isNull();
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.maxAttempts()).isEqualTo(10);
    assertThat(IntStream.rangeClosed(1, 9).mapToObj(config::waitAfter).map(Duration::toSeconds))
        .containsExactly(10L, 20L, 30L, 40L, 50L, 60L, 60L, 60L, 60L);
  }

  @Test
  void toStringWhenSecretSetThenNeverShowsIt() {
    assertThat(WebhookConfig.DEFAULTS.withSecret("whsec-42").toString())
        .contains("secret=(set)")
        .doesNotContain("whsec-42");
  }
}
