package dev.opkit.mock.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** At most admin.maxSessions sessions are open at once; a deleted one makes room. */
class SessionLimitApiTest {
  @RegisterExtension
  static final AuthSandbox SANDBOX =
      new AuthSandbox(c -> c.withAdmin(c.admin().withMaxSessions(2)));

  @Test
  void createWhenLimitReachedThen429UntilOneIsDeleted() {
    Space first = Space.made(SANDBOX);
    Space.made(SANDBOX);

    Response refused = create();

    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(429);
    assertThat((String) refused.path("error.code")).isEqualTo("too_many_sessions");
    assertThat((String) refused.path("error.description"))
        .contains("2 sessions")
        .contains("admin.maxSessions");
    assertThat(SANDBOX.admin("ase1").get("/admin/sessions").jsonPath().getList("result"))
        .hasSize(2);
    assertThat(SANDBOX.admin("ase1").delete("/admin/sessions/" + first.id()).statusCode())
        .isEqualTo(204);
    assertThat(create().statusCode()).isEqualTo(201);
  }

  private static Response create() {
    return SANDBOX.admin("ase1").contentType("application/json").post("/admin/sessions");
  }
}
