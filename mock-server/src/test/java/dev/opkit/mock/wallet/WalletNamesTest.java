package dev.opkit.mock.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WalletNamesTest {
  @Test
  void checkWhenPlainSegmentThenAccepted() {
    assertThat(WalletNames.check("alice")).isEqualTo("alice");
    assertThat(WalletNames.check("shop-1.eu_x~")).isEqualTo("shop-1.eu_x~");
  }

  @Test
  void checkWhenRouteNameThenReservedWhateverTheCase() {
    for (String reserved :
        new String[] {
          "auth",
          "ADMIN",
          "incoming-payments",
          "quotes",
          "outgoing-payments",
          "outgoing-payment-grant",
          ".well-known"
        }) {
      assertThatThrownBy(() -> WalletNames.check(reserved))
          .as(reserved)
          .hasMessageContaining("reserved");
    }
  }

  @Test
  void checkWhenNotAPathSegmentThenRefused() {
    for (String bad : new String[] {"", "a/b", "-x", "a b", "é", "x".repeat(65)}) {
      assertThatThrownBy(() -> WalletNames.check(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
