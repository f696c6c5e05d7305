package dev.opkit.mock.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.store.SessionId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionPathTest {
  private static final String S = "0b7d3c52-9f1e-4a8b-a6d4-2f0e9c1b7a55";
  private static final Optional<SessionId> SESSION = Optional.of(new SessionId(S));

  @Test
  void defaultSessionPathsPassUnchanged() {
    for (String path :
        new String[] {
          "/",
          "/alice",
          "/alice/jwks.json",
          "/auth",
          "/auth/",
          "/auth/continue/x",
          "/admin",
          "/admin/sessions",
          "/admin/sessions/not-a-uuid",
          "/incoming-payments/" + S
        }) {
      assertThat(SessionPath.of(path)).isEqualTo(new SessionPath(Optional.empty(), path, true));
    }
  }

  @Test
  void sessionSegmentTakenOutOfEachSurface() {
    assertThat(SessionPath.of("/" + S + "/alice"))
        .isEqualTo(new SessionPath(SESSION, "/alice", true));
    assertThat(SessionPath.of("/" + S + "/incoming-payments/x/complete"))
        .isEqualTo(new SessionPath(SESSION, "/incoming-payments/x/complete", true));
    assertThat(SessionPath.of("/auth/" + S)).isEqualTo(new SessionPath(SESSION, "/auth", true));
    assertThat(SessionPath.of("/auth/" + S + "/"))
        .isEqualTo(new SessionPath(SESSION, "/auth/", true));
    assertThat(SessionPath.of("/auth/" + S + "/token/t"))
        .isEqualTo(new SessionPath(SESSION, "/auth/token/t", true));
    assertThat(SessionPath.of("/admin/sessions/" + S + "/clock"))
        .isEqualTo(new SessionPath(SESSION, "/admin/clock", true));
  }

  @Test
  void theSessionItselfIsARouteOfTheSessionsCollection() {
    assertThat(SessionPath.of("/admin/sessions/" + S))
        .isEqualTo(new SessionPath(SESSION, "/admin/sessions/" + S, true));
  }

  @Test
  void sessionSegmentWithoutARouteOfTheSessionIsNotRoutable() {
    for (String path :
        new String[] {
          "/" + S,
          "/" + S + "/",
          "/" + S + "/admin/clock",
          "/" + S + "/auth",
          "/" + S + "/dashboard/app.js",
          "/admin/sessions/" + S + "/sessions",
          "/admin/sessions/" + S + "/sessions/" + S
        }) {
      SessionPath routed = SessionPath.of(path);
      assertThat(routed.session()).as(path).isEqualTo(SESSION);
      assertThat(routed.routable()).as(path).isFalse();
    }
  }
}
