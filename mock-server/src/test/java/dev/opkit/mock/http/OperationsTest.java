package dev.opkit.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationsTest {
  @Test
  void ofWhenPathsEndInSlashesThenTheyNameTheSameOperationAsWithout() {
    assertThat(Operations.of("POST", "/incoming-payments")).isEqualTo("create-incoming-payment");
    assertThat(Operations.of("POST", "/incoming-payments//")).isEqualTo("create-incoming-payment");
    assertThat(Operations.of("POST", "/auth/")).isEqualTo(Operations.POST_REQUEST);
    assertThat(Operations.of("POST", "/auth/continue/abc/")).isEqualTo(Operations.POST_CONTINUE);
    assertThat(Operations.of("GET", "/alice/jwks.json")).isEqualTo("get-wallet-address-keys");
    assertThat(Operations.of("GET", "/")).isEqualTo(Operations.OTHER);
    assertThat(Operations.of("GET", "///")).isEqualTo(Operations.OTHER);
    assertThat(Operations.of("GET", "")).isEqualTo(Operations.OTHER);
    assertThat(Operations.of("GET", "/alice/")).isEqualTo("get-wallet-address");
  }
}
