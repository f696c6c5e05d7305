package dev.opkit.mock.auth.grant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.AuthConfig;
import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.TestClient;
import dev.opkit.protocol.gnap.AccessType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which grants need consent comes from the configuration, globally and per wallet. */
class InteractionPolicyApiTest {
  @RegisterExtension
  static final AuthSandbox SANDBOX =
      new AuthSandbox(
          c ->
              c.withAuth(
                  AuthConfig.DEFAULTS.withInteractive(
                      Set.of(AccessType.OUTGOING_PAYMENT, AccessType.QUOTE),
                      Map.of("ase1/alice", Set.of(AccessType.INCOMING_PAYMENT)))));

  @Test
  void grantWhenWalletMakesIncomingPaymentsInteractiveThenOnlyThatWalletNeedsConsent() {
    TestClient client = SANDBOX.client("shop");
    String item =
        "[{\"type\":\"incoming-payment\",\"actions\":[\"create\"],\"identifier\":\"%s\"}]";

    Response alice = client.grant("ase1", item.formatted(SANDBOX.wallet("ase1", "alice")));
    Response bob = client.grant("ase1", item.formatted(SANDBOX.wallet("ase1", "bob")));

    assertThat(alice.statusCode()).isEqualTo(400);
    assertThat(alice.<String>path("error.description"))
        .contains("incoming-payment access needs consent for " + SANDBOX.wallet("ase1", "alice"));
    assertThat(bob.statusCode()).isEqualTo(200);
  }

  @Test
  void grantWhenQuotesConfiguredInteractiveThenConsentNeeded() {
    TestClient client = SANDBOX.client("shop");

    TestClient.Pending pending =
        client.requestInteractive("ase1", "[{\"type\":\"quote\",\"actions\":[\"create\"]}]");

    assertThat(pending.redirect()).contains("/auth/interact/");
  }
}
