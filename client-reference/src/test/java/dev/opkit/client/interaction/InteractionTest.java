package dev.opkit.client.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InteractionTest {
  /** PROTOCOL.md §4.2's example. */
  private final Interaction interaction =
      new Interaction(
          "https://auth.wallet.example/interact/1",
          "http://localhost:3344",
          "4edb2194-dbdf-46bb-9397-d5fd57b7c8a7",
          "B2A5F28A7B1C9D3E",
          "https://auth.wallet.example/5b1e1a3c-0c0e-4e55-b1a6-2e6a4c3f9d11");

  @Test
  void hashMatchesWhenRafikiEncodingThenTrue() {
    assertThat(
            interaction.hashMatches(
                "8e4a1f0e-6c3b-4a51-9a52-3f1b2c7d9e10",
                "NQExmc9WkQVWo4NfhzaUnnlcp63z8Mc/82eyi/Zstyo="))
        .isTrue();
  }

  @Test
  void hashMatchesWhenRfcEncodingThenTrue() {
    assertThat(
            interaction.hashMatches(
                "8e4a1f0e-6c3b-4a51-9a52-3f1b2c7d9e10",
                "NQExmc9WkQVWo4NfhzaUnnlcp63z8Mc_82eyi_Zstyo"))
        .isTrue();
  }

  @Test
  void hashMatchesWhenOtherInteractRefThenFalse() {
    assertThat(
            interaction.hashMatches(
                "00000000-6c3b-4a51-9a52-3f1b2c7d9e10",
                "NQExmc9WkQVWo4NfhzaUnnlcp63z8Mc/82eyi/Zstyo="))
        .isFalse();
  }
}
