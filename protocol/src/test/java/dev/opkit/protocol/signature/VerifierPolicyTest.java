package dev.opkit.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerifierPolicyTest {
  @Test
  void defaultsWhenCreatedThenFiveMinutesPastOneMinuteAhead() {
    assertThat(VerifierPolicy.defaults())
        .isEqualTo(new VerifierPolicy(Duration.ofMinutes(5), Duration.ofMinutes(1)));
  }

  @Test
  void constructorWhenNegativeThenIllegalArgument() {
    assertThatThrownBy(() -> new VerifierPolicy(Duration.ofSeconds(-1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative");
  }
}
