package dev.opkit.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.sandbox.AdminConfig;
import dev.opkit.mock.testing.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin routes the dashboard added need the admin secret like every admin route; the
 * dashboard's own files do not (the page asks for the secret).
 */
class DashboardAdminAccessApiTest {
  @RegisterExtension
  static final SandboxExtension SANDBOX =
      new SandboxExtension(c -> c.withAdmin(new AdminConfig(true, "s3cret")));

  @Test
  void dashboardRoutesWhenNoSecretThen401AndWithSecretAnswered() {
    String[][] routes = {
      {"GET", "/admin/providers"},
      {"GET", "/admin/events/recent"},
      {"GET", "/admin/wallet-addresses/alice/outgoing-payments"},
      {"GET", "/admin/wallet-addresses/alice/incoming-payments"},
      {"GET", "/admin/requests/1"},
      {"POST", "/admin/grants/nope/revoke"},
    };
    for (String[] route : routes) {
      assertThat(SANDBOX.at("ase1").request(route[0], route[1]).statusCode())
          .as("%s %s without the secret", route[0], route[1])
          .isEqualTo(401);
      assertThat(
              SANDBOX
                  .at("ase1")
                  .header("Authorization", "Bearer s3cret")
                  .request(route[0], route[1])
                  .statusCode())
          .as("%s %s with the secret", route[0], route[1])
          .isNotEqualTo(401);
    }
    assertThat(SANDBOX.at("ase1").get("/").statusCode()).isEqualTo(200);
    assertThat(SANDBOX.at("ase1").get("/dashboard/js/api.js").statusCode()).isEqualTo(200);
  }
}
