package dev.opkit.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.json.InvalidJsonException;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Jwk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GrantClientTest {
  private static final Jwk KEY =
      new Jwk(
          "key-1", "EdDSA", null, "OKP", "Ed25519", "ebVWLo_mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ");

  @Test
  void roundTripWhenStringFormThenStringAgain() {
    String json = "\"https://wallet.example/client\"";
    GrantClient client = Json.read(json, GrantClient.class);
    assertThat(client).isInstanceOf(GrantClient.WalletAddressString.class);
    assertThat(client.walletAddress()).contains("https://wallet.example/client");
    assertThat(Json.write(client)).isEqualTo(json);
  }

  @Test
  void roundTripWhenWalletAddressObjectThenObjectAgain() {
    String json = "{\"walletAddress\":\"https://wallet.example/client\"}";
    GrantClient client = Json.read(json, GrantClient.class);
    assertThat(client).isInstanceOf(GrantClient.WalletAddressObject.class);
    assertThat(client.walletAddress()).contains("https://wallet.example/client");
    assertThat(client.jwk()).isEmpty();
    assertThat(Json.write(client)).isEqualTo(json);
  }

  @Test
  void roundTripWhenJwkObjectThenObjectAgainWithoutNullUse() {
    String json =
        "{\"jwk\":{\"kid\":\"key-1\",\"alg\":\"EdDSA\",\"kty\":\"OKP\",\"crv\":\"Ed25519\","
            + "\"x\":\"ebVWLo_mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ\"}}";
    GrantClient client = Json.read(json, GrantClient.class);
    assertThat(client).isEqualTo(GrantClient.directedKey(KEY));
    assertThat(Json.write(client)).isEqualTo(json);
  }

  @Test
  void readWhenBothWalletAddressAndJwkThenMutuallyExclusiveError() {
    String json = "{\"client\":{\"walletAddress\":\"https://c\",\"jwk\":" + Json.write(KEY) + "}}";
    assertThatThrownBy(() -> Json.read(json, GrantRequest.class))
        .isInstanceOfSatisfying(
            InvalidJsonException.class, e -> assertThat(e.path()).isEqualTo("client"))
        .hasMessageContaining("mutually exclusive");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"client\":{}}",
        "{\"client\":{\"wallet\":\"https://c\"}}",
        "{\"client\":42}",
        "{\"client\":[\"https://c\"]}",
        "{\"client\":{\"walletAddress\":7}}",
        "{\"client\":{\"jwk\":\"key-1\"}}",
        "{\"client\":null}"
      })
  void readWhenNotOneOfTheThreeFormsThenErrorListingThem(String json) {
    assertThatThrownBy(() -> Json.read(json, GrantRequest.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("client");
  }

  @Test
  void readWhenObjectFormHasExtraMembersThenToleratedAndDropped() {
    GrantClient client =
        Json.read("{\"walletAddress\":\"https://c\",\"display\":\"x\"}", GrantClient.class);
    assertThat(Json.write(client)).isEqualTo("{\"walletAddress\":\"https://c\"}");
  }
}
