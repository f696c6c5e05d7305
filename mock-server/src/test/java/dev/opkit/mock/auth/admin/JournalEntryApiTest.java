package dev.opkit.mock.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.TestClient;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /admin/requests/{sequence}}: one journal entry, as the list shows it. */
class JournalEntryApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private static final String QUOTE = "[{\"type\":\"quote\",\"actions\":[\"create\"]}]";

  private TestClient client;

  @BeforeEach
  void client() {
    client = SANDBOX.client("shop");
  }

  @Test
  void entryWhenInJournalThenTheSameAsInTheList() {
    client.grant("ase1", QUOTE);
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"access_token\":{\"access\":" + QUOTE + "},\"client\":\"" + client.url() + "\"}")
        .post("/auth");
    JsonPath list = SANDBOX.admin("ase1").get("/admin/requests").jsonPath();
    long refused = list.getLong("result[0].sequence");
    long verified = list.getLong("result[1].sequence");

    JsonPath refusedEntry =
        SANDBOX
            .admin("ase1")
            .get("/admin/requests/" + refused)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JsonPath verifiedEntry = SANDBOX.admin("ase1").get("/admin/requests/" + verified).jsonPath();

    assertThat(refusedEntry.getMap("")).isEqualTo(list.getMap("result[0]"));
    assertThat(refusedEntry.getString("outcome")).isEqualTo("refused");
    assertThat(refusedEntry.getString("reason")).isEqualTo("SIGNATURE_INPUT_MISSING");
    assertThat(verifiedEntry.getString("outcome")).isEqualTo("verified");
    assertThat(verifiedEntry.getString("signatureBase")).contains("\"@method\": POST");
  }

  @Test
  void entryWhenUnknownOfAnotherProviderOrNotANumberThenRefused() {
    client.grant("ase1", QUOTE);
    long sequence =
        SANDBOX.admin("ase1").get("/admin/requests").jsonPath().getLong("result[0].sequence");

    Response otherProvider = SANDBOX.admin("ase2").get("/admin/requests/" + sequence);
    Response unknown = SANDBOX.admin("ase1").get("/admin/requests/" + (sequence + 1000));
    Response text = SANDBOX.admin("ase1").get("/admin/requests/latest");

    assertThat(otherProvider.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.<String>path("error.description")).contains("keeps the last");
    assertThat(text.statusCode()).isEqualTo(400);
    assertThat(text.<String>path("error.code")).isEqualTo("invalid_request");
  }
}
