package dev.opkit.mock.auth.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.ForwardingProxy;
import dev.opkit.mock.auth.testing.TestClient;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client wallet address of this sandbox, named by any URL that reaches it (another loopback name,
 * another case, an encoded path): its keys are read in process, so a key removed through the admin
 * API stops working at once under every one of them, and no request calls back into the sandbox.
 * Behind a proxy the sandbox cannot recognise, its wallet is fetched like an outside one, and a key
 * change forgets every fetched copy.
 */
class ClientKeyAliasApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private static final String QUOTE = "[{\"type\":\"quote\",\"actions\":[\"create\",\"read\"]}]";

  @Test
  void grantWhenKeyRemovedThenRefusedAtOnceUnderEveryAliasOfTheWallet() {
    TestClient app = SANDBOX.client("alias-app");
    URI url = URI.create(app.url());
    List<String> aliases =
        List.of(
            app.url(),
            "http://127.0.0.1:" + url.getPort() + url.getPath(),
            "http://LOCALHOST:" + url.getPort() + url.getPath(),
            "http://localhost:" + url.getPort() + "/%61lias-app");
    for (String alias : aliases) {
      Response granted = as(app, alias).grant("ase1", QUOTE);
      assertThat(granted.statusCode()).as(alias + " " + granted.asString()).isEqualTo(200);
    }

    SANDBOX
        .admin("ase1")
        .delete("/admin/wallet-addresses/alias-app/keys/" + app.keyId())
        .then()
        .statusCode(204);

    for (String alias : aliases) {
      Response refused = as(app, alias).grant("ase1", QUOTE);
      assertThat(refused.statusCode()).as(alias + " " + refused.asString()).isEqualTo(400);
      assertThat(refused.<String>path("error.code")).isEqualTo("invalid_client");
      assertThat(refused.<String>path("error.description"))
          .contains("keyid \"" + app.keyId() + "\" not in");
    }
    assertThat(
            SANDBOX
                .at("ase1")
                .get("/admin/requests?limit=" + aliases.size())
                .jsonPath()
                .getList("result.keyLookup", String.class))
        .allSatisfy(lookup -> assertThat(lookup).contains("in process").doesNotContain("HTTP"));
  }

  @Test
  void grantWhenKeyRemovedThenRefusedAtOnceThroughAProxyTheSandboxCannotKnow() throws IOException {
    TestClient app = SANDBOX.client("proxied-app");
    try (ForwardingProxy proxy = new ForwardingProxy(SANDBOX.base("ase1"))) {
      TestClient viaProxy = as(app, proxy.origin() + "/proxied-app");
      Response granted = viaProxy.grant("ase1", QUOTE);
      assertThat(granted.statusCode()).as(granted.asString()).isEqualTo(200);
      assertThat(
              SANDBOX.at("ase1").get("/admin/requests?limit=1").<String>path("result[0].keyLookup"))
          .contains("fetched " + proxy.origin() + "/proxied-app/jwks.json over HTTP");

      SANDBOX
          .admin("ase1")
          .delete("/admin/wallet-addresses/proxied-app/keys/" + app.keyId())
          .then()
          .statusCode(204);
      Response refused = viaProxy.grant("ase1", QUOTE);

      assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
      assertThat(refused.<String>path("error.description"))
          .contains("keyid \"" + app.keyId() + "\" not in");
      assertThat(proxy.forwarded()).isEqualTo(2);
    }
  }

  private static TestClient as(TestClient app, String alias) {
    return TestClient.outside(SANDBOX, alias, app.keys(), app.keyId());
  }
}
