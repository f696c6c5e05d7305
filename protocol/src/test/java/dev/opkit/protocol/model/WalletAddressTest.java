package dev.opkit.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.amount.Asset;
import dev.opkit.protocol.json.InvalidJsonException;
import dev.opkit.protocol.json.Json;
import org.junit.jupiter.api.Test;

class WalletAddressTest {
  private static final String ALICE =
      """
      {
        "id": "https://ilp.interledger-test.dev/alice",
        "publicName": "Alice",
        "assetCode": "USD",
        "assetScale": 2,
        "authServer": "https://ilp.interledger-test.dev/auth",
        "resourceServer": "https://ilp.interledger-test.dev/op"
      }
      """;

  @Test
  void roundTripWhenSpecExampleThenSameJson() {
    WalletAddress alice = RoundTrip.assertRoundTrip(ALICE, WalletAddress.class);
    assertThat(alice.asset()).isEqualTo(new Asset("USD", 2));
    assertThat(alice.publicName()).isEqualTo("Alice");
  }

  @Test
  void readWhenExtraPropertiesThenIgnoredAsSpecAllows() {
    WalletAddress alice =
        Json.read(
            ALICE.replace("\"publicName\"", "\"cardCount\": 3, \"publicName\""),
            WalletAddress.class);
    assertThat(alice.authServer()).isEqualTo("https://ilp.interledger-test.dev/auth");
  }

  @Test
  void writeWhenNoPublicNameThenOmitted() {
    WalletAddress wa =
        new WalletAddress("https://w/a", null, "EUR", 2, "https://w/as", "https://w");
    assertThat(Json.write(wa))
        .isEqualTo(
            "{\"id\":\"https://w/a\",\"assetCode\":\"EUR\",\"assetScale\":2,"
                + "\"authServer\":\"https://w/as\",\"resourceServer\":\"https://w\"}");
  }

  @Test
  void readWhenRequiredFieldMissingThenNamed() {
    assertThatThrownBy(
            () -> Json.read(ALICE.replace("\"resourceServer\"", "\"rs\""), WalletAddress.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("'resourceServer'");
    assertThatThrownBy(
            () -> Json.read(ALICE.replace("\"assetScale\"", "\"scale\""), WalletAddress.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("assetScale");
  }
}
