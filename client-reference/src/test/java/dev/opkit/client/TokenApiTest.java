package dev.opkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.client.FakeServer.Reply;
import dev.opkit.protocol.model.AccessToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenApiTest {
  private final Fixture fixture = new Fixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void rotateWhenAnsweredThenNewTokenAndSignedWithOldOne() {
    fixture.server.on("POST", "/auth/token/m-OLD", Reply.json(200, fixture.rotatedToken("NEW")));

    AccessToken rotated =
        fixture.client.token().rotate(fixture.server.url("/auth/token/m-OLD"), "OLD");

    assertThat(rotated.value()).isEqualTo("NEW");
    assertThat(rotated.manage()).isEqualTo(fixture.server.url("/auth/token/m-NEW"));
    FakeServer.Received request = fixture.server.last();
    assertThat(request.header("Authorization")).contains("GNAP OLD");
    assertThat(request.body()).isEmpty();
    assertThat(request.verification().verified()).isTrue();
  }

  @Test
  void revokeWhenNoContentThenSignedDelete() {
    fixture.server.on("DELETE", "/auth/token/m-T", Reply.empty(204));

    fixture.client.token().revoke(fixture.server.url("/auth/token/m-T"), "T");

    FakeServer.Received request = fixture.server.last();
    assertThat(request.method()).isEqualTo("DELETE");
    assertThat(request.verification().verified()).isTrue();
  }
}
