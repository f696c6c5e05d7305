package dev.opkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.client.FakeServer.Reply;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.JwkSet;
import dev.opkit.protocol.model.WalletAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WalletAddressApiTest {
  private final Fixture fixture = new Fixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void getWhenServedThenParsedAndSentUnsigned() {
    fixture.server.on("GET", "/bob", Reply.json(200, fixture.walletAddress("bob")));

    WalletAddress bob = fixture.client.walletAddress().get(fixture.server.url("/bob"));

    assertThat(bob.id()).isEqualTo(fixture.server.url("/bob"));
    assertThat(bob.authServer()).isEqualTo(fixture.server.url("/auth"));
    assertThat(bob.asset().scale()).isEqualTo(2);
    FakeServer.Received request = fixture.server.last();
    assertThat(request.signed()).isFalse();
    assertThat(request.header("Authorization")).isEmpty();
    assertThat(request.header("Accept")).contains("application/json");
  }

  @Test
  void getKeysWhenServedThenJwksFetchedFromJwksJson() {
    String jwk = Json.write(fixture.key.toJwk("k1"));
    fixture.server.on("GET", "/bob/jwks.json", Reply.json(200, "{\"keys\":[" + jwk + "]}"));

    JwkSet keys = fixture.client.walletAddress().getKeys(fixture.server.url("/bob"));

    assertThat(keys.find("k1")).isPresent();
    assertThat(fixture.server.last().url()).isEqualTo(fixture.server.url("/bob/jwks.json"));
  }

  @Test
  void getWhenUnauthenticatedClientThenSameDocumentWithoutSignature() {
    fixture.server.on("GET", "/bob", Reply.json(200, fixture.walletAddress("bob")));
    UnauthenticatedClient anonymous = UnauthenticatedClient.create();

    WalletAddress bob = anonymous.walletAddress().get(fixture.server.url("/bob"));

    assertThat(bob.publicName()).isEqualTo("bob");
    assertThat(fixture.server.last().signed()).isFalse();
  }
}
