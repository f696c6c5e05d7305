package dev.opkit.protocol.gnap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

class FinishHashTest {
  /** PROTOCOL.md §4.2's example. */
  private static final FinishHash EXAMPLE =
      new FinishHash(
          "4edb2194-dbdf-46bb-9397-d5fd57b7c8a7",
          "B2A5F28A7B1C9D3E",
          "8e4a1f0e-6c3b-4a51-9a52-3f1b2c7d9e10",
          "https://auth.wallet.example/5b1e1a3c-0c0e-4e55-b1a6-2e6a4c3f9d11");

  private static final String RAFIKI_FORM = "NQExmc9WkQVWo4NfhzaUnnlcp63z8Mc/82eyi/Zstyo=";
  private static final String RFC_FORM = "NQExmc9WkQVWo4NfhzaUnnlcp63z8Mc_82eyi_Zstyo";

  @Test
  void encodeWhenStandardPaddedThenRafikiFormOfProtocolExample() {
    assertThat(EXAMPLE.encode(HashEncoding.STANDARD_PADDED)).isEqualTo(RAFIKI_FORM);
  }

  @Test
  void encodeWhenUrlUnpaddedThenRfc9635FormOfProtocolExample() {
    assertThat(EXAMPLE.encode(HashEncoding.URL_UNPADDED)).isEqualTo(RFC_FORM);
  }

  @Test
  void matchesWhenEitherEncodingThenTrue() {
    assertThat(EXAMPLE.matches(RAFIKI_FORM)).isTrue();
    assertThat(EXAMPLE.matches(RFC_FORM)).isTrue();
  }

  @Test
  void matchesWhenUrlAlphabetWithPaddingThenTrue() {
    assertThat(EXAMPLE.matches(RFC_FORM + "=")).isTrue();
  }

  @Test
  void matchesWhenOneCharacterDiffersThenFalse() {
    assertThat(EXAMPLE.matches("NQExmc9WkQVWo4NfhzaUnnlcp63z8Mc/82eyi/Zstyp=")).isFalse();
  }

  @Test
  void matchesWhenTruncatedOrEmptyOrNullThenFalse() {
    assertThat(EXAMPLE.matches(RFC_FORM.substring(0, 42))).isFalse();
    assertThat(EXAMPLE.matches("")).isFalse();
    assertThat(EXAMPLE.matches(null)).isFalse();
  }

  @Test
  void matchesWhenGrantEndpointHasTrailingSlashThenFalse() {
    FinishHash withSlash =
        new FinishHash(
            EXAMPLE.clientNonce(),
            EXAMPLE.serverNonce(),
            EXAMPLE.interactRef(),
            EXAMPLE.grantEndpointUri() + "/");
    assertThat(withSlash.matches(RAFIKI_FORM)).isFalse();
  }

  @Test
  void matchesWhenNoncesSwappedThenFalse() {
    FinishHash swapped =
        new FinishHash(
            EXAMPLE.serverNonce(),
            EXAMPLE.clientNonce(),
            EXAMPLE.interactRef(),
            EXAMPLE.grantEndpointUri());
    assertThat(swapped.matches(RAFIKI_FORM)).isFalse();
  }

  @Test
  void digestWhenComputedThenThirtyTwoBytes() {
    assertThat(EXAMPLE.digest()).hasSize(32);
  }

  @Test
  void constructWhenInputMissingThenProtocolExceptionNamingIt() {
    assertThatThrownBy(() -> new FinishHash("a", "b", null, "https://as"))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("interact_ref");
  }
}
