package dev.opkit.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.TestClient;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /admin/events/recent}: the newest events first, of some types only, with the cursor
 * from which {@code GET /admin/events?after=} follows what comes next.
 */
class RecentEventsApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private static final String QUOTE = "[{\"type\":\"quote\",\"actions\":[\"create\"]}]";

  @Test
  void recentWhenFilteredByTypeThenNewestFirstAndCursorFollowsOn() {
    TestClient client = SANDBOX.client("shop");
    client.token("ase1", QUOTE);
    client.token("ase1", QUOTE);

    JsonPath all = SANDBOX.admin("ase1").get("/admin/events/recent").jsonPath();
    JsonPath approved =
        SANDBOX.admin("ase1").get("/admin/events/recent?type=grant.approved&limit=1").jsonPath();
    JsonPath both =
        SANDBOX
            .admin("ase1")
            .get("/admin/events/recent?type=grant.approved,grant.requested")
            .jsonPath();
    client.token("ase1", QUOTE);
    JsonPath next =
        SANDBOX.admin("ase1").get("/admin/events?after=" + all.getLong("last")).jsonPath();

    List<Long> sequences = all.getList("result.sequence", Long.class);
    assertThat(sequences).hasSize(4).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(all.getLong("last")).isEqualTo(sequences.get(0));
    assertThat(approved.getList("result.type")).containsExactly("grant.approved");
    assertThat(approved.getLong("result[0].sequence")).isEqualTo(sequences.get(0));
    assertThat(both.getList("result")).hasSize(4);
    assertThat(next.getList("result.type")).containsExactly("grant.requested", "grant.approved");
  }

  @Test
  void recentWhenTypeOrLimitIsWrongThenBadRequestNamingTheChoices() {
    var unknown = SANDBOX.admin("ase1").get("/admin/events/recent?type=grant.exploded");

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.<String>path("error.description")).contains("grant.approved");
    assertThat(SANDBOX.admin("ase1").get("/admin/events/recent?limit=0").statusCode())
        .isEqualTo(400);
    assertThat(SANDBOX.admin("ase1").get("/admin/events/recent?limit=501").statusCode())
        .isEqualTo(400);
    assertThat(SANDBOX.admin("ase1").get("/admin/events/recent?limit=x").statusCode())
        .isEqualTo(400);
    assertThat(SANDBOX.admin("ase2").get("/admin/events/recent").jsonPath().getList("result"))
        .isEmpty();
  }
}
