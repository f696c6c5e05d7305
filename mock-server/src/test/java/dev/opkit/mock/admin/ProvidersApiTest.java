package dev.opkit.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.testing.SandboxExtension;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /admin/providers}: what runs where, the provider that answers marked current. */
class ProvidersApiTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();

  @Test
  void providersWhenAskedAtEitherOriginThenBothWithTheirUrlsAndWallets() {
    JsonPath atSecond = SANDBOX.at("ase2").get("/admin/providers").jsonPath();

    assertThat(atSecond.getList("result.name")).containsExactly("ase1", "ase2");
    assertThat(atSecond.getList("result.current")).containsExactly(false, true);
    assertThat(atSecond.getString("result[0].origin")).isEqualTo(SANDBOX.base("ase1"));
    assertThat(atSecond.getString("result[0].authServer"))
        .isEqualTo(SANDBOX.base("ase1") + "/auth");
    assertThat(atSecond.getString("result[0].admin")).isEqualTo(SANDBOX.base("ase1") + "/admin");
    assertThat(atSecond.getString("result[0].dashboard")).isEqualTo(SANDBOX.base("ase1") + "/");
    assertThat(atSecond.getString("result[0].profile")).isEqualTo("rafiki");
    assertThat(atSecond.getList("result[0].walletAddresses.id"))
        .containsExactlyInAnyOrder(SANDBOX.wallet("ase1", "alice"), SANDBOX.wallet("ase1", "bob"));
    assertThat(atSecond.getList("result[1].walletAddresses.assetCode")).contains("EUR", "USD");
    assertThat(SANDBOX.at("ase1").get("/admin/providers").jsonPath().getList("result.current"))
        .containsExactly(true, false);
  }
}
