package dev.opkit.mock.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.sandbox.AdminConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin secret guards every session; a session's own admin token opens only that session. */
class SessionAdminAccessApiTest {
  @RegisterExtension
  static final AuthSandbox SANDBOX =
      new AuthSandbox(c -> c.withAdmin(new AdminConfig(true, "s3cret")));

  @Test
  void sessionsWhenNoSecretThen401() {
    assertThat(as(null).post(url("/admin/sessions")).statusCode()).isEqualTo(401);
    assertThat(as(null).get(url("/admin/sessions")).statusCode()).isEqualTo(401);
    Made a = make();
    assertThat(as(null).get(url("/admin/sessions/" + a.id)).statusCode()).isEqualTo(401);
    assertThat(as(null).get(url("/admin/sessions/" + a.id + "/clock")).statusCode()).isEqualTo(401);
    assertThat(as("wrong").delete(url("/admin/sessions/" + a.id)).statusCode()).isEqualTo(401);
    // Nobody learns from a 404 which sessions exist without a credential.
    assertThat(as(null).get(url("/admin/sessions/" + UUID.randomUUID() + "/clock")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void ownTokenWhenItsSessionThenLikeTheSecret() {
    Made a = make();

    Response clock = as(a.token).get(url("/admin/sessions/" + a.id + "/clock"));
    Response moved =
        as(a.token)
            .contentType("application/json")
            .body("{\"advance\":\"P1D\"}")
            .post(url("/admin/sessions/" + a.id + "/clock"));
    Response session = as(a.token).get(url("/admin/sessions/" + a.id));
    Response onAse2 = as(a.token).get(SANDBOX.base("ase2") + "/admin/sessions/" + a.id + "/ledger");

    assertThat(clock.statusCode()).as(clock.asString()).isEqualTo(200);
    assertThat(moved.statusCode()).as(moved.asString()).isEqualTo(200);
    assertThat(session.statusCode()).as(session.asString()).isEqualTo(200);
    assertThat(onAse2.statusCode()).as(onAse2.asString()).isEqualTo(200);
  }

  @Test
  void ownTokenWhenAnythingElseThen401() {
    Made a = make();
    Made b = make();

    for (Response refused :
        new Response[] {
          as(a.token).get(url("/admin/sessions/" + b.id + "/clock")),
          as(a.token).get(url("/admin/sessions/" + b.id)),
          as(a.token).delete(url("/admin/sessions/" + b.id)),
          as(a.token).get(url("/admin/clock")),
          as(a.token).post(url("/admin/reset")),
          as(a.token).get(url("/admin/sessions")),
          as(a.token).post(url("/admin/sessions")),
          as(b.token).get(url("/admin/sessions/" + a.id + "/wallet-addresses")),
          // Exact: the scheme's case and the token's.
          rawAuthorization("bearer " + a.token).get(url("/admin/sessions/" + a.id + "/clock")),
          as(a.token.toUpperCase()).get(url("/admin/sessions/" + a.id + "/clock"))
        }) {
      assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(401);
      assertThat((String) refused.path("error.code")).isEqualTo("unauthorized");
      assertThat(refused.asString()).doesNotContain(a.token).doesNotContain(b.token);
    }
  }

  @Test
  void ownTokenWhenSessionDeletedThenItStopsAtOnce() {
    Made a = make();

    Response deleted = as(a.token).delete(url("/admin/sessions/" + a.id));
    Response after = as(a.token).get(url("/admin/sessions/" + a.id + "/clock"));

    assertThat(deleted.statusCode()).as(deleted.asString()).isEqualTo(204);
    assertThat(after.statusCode()).as(after.asString()).isEqualTo(401);
    assertThat(as("s3cret").get(url("/admin/sessions/" + a.id + "/clock")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void ownTokenWhenFromAPageOfAnotherOriginThen403() {
    Made a = make();

    Response foreign =
        as(a.token)
            .header("Origin", "https://evil.example")
            .contentType("application/json")
            .body("{\"advance\":\"P1D\"}")
            .post(url("/admin/sessions/" + a.id + "/clock"));

    assertThat(foreign.statusCode()).as(foreign.asString()).isEqualTo(403);
    assertThat((String) foreign.path("error.code")).isEqualTo("cross_site_request");
  }

  @Test
  void sessionUrlsWhenForeignHostThen421() {
    Made a = make();

    Response wallet =
        SANDBOX.anywhere().header("Host", "evil.example").get(url("/" + a.id + "/alice"));
    Response admin =
        as(a.token).header("Host", "evil.example").get(url("/admin/sessions/" + a.id + "/clock"));

    assertThat(wallet.statusCode()).as(wallet.asString()).isEqualTo(421);
    assertThat(admin.statusCode()).as(admin.asString()).isEqualTo(421);
  }

  private record Made(String id, String token) {}

  private static Made make() {
    Response created =
        as("s3cret")
            .contentType("application/json")
            .body("{\"adminToken\":true}")
            .post(url("/admin/sessions"));
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    return new Made(created.path("id"), created.path("adminToken"));
  }

  private static String url(String path) {
    return SANDBOX.base("ase1") + path;
  }

  private static RequestSpecification as(String bearer) {
    return bearer == null
        ? SANDBOX.anywhere().contentType("application/json")
        : rawAuthorization("Bearer " + bearer);
  }

  private static RequestSpecification rawAuthorization(String value) {
    return SANDBOX.anywhere().contentType("application/json").header("Authorization", value);
  }
}
