package dev.opkit.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.opkit.mock.sandbox.AdminConfig;
import dev.opkit.mock.testing.RawConnection;
import dev.opkit.mock.testing.SandboxExtension;
import java.io.IOException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin API can require a bearer secret, or be switched off. */
class AdminAccessApiTest {
  @Nested
  class WithSecret {
    @RegisterExtension
    static final SandboxExtension SANDBOX =
        new SandboxExtension(c -> c.withAdmin(new AdminConfig(true, "s3cret")));

    @Test
    void adminWhenNoOrWrongSecretThen401AndWithSecretThen200() {
      SANDBOX
          .at("ase1")
          .get("/admin/clock")
          .then()
          .statusCode(401)
          .header("WWW-Authenticate", "Bearer")
          .body("error.code", equalTo("unauthorized"))
          .body("error.description", containsString("Bearer"));
      SANDBOX
          .at("ase1")
          .header("Authorization", "Bearer wrong")
          .post("/admin/reset")
          .then()
          .statusCode(401);
      SANDBOX
          .at("ase2")
          .header("Authorization", "Bearer s3cret")
          .get("/admin/clock")
          .then()
          .statusCode(200);
    }

    @Test
    void adminWhenWrongCaseSecretOnKeptAliveConnectionThen401() throws IOException {
      try (RawConnection connection = RawConnection.open(SANDBOX.base("ase1"))) {
        String get = "GET /admin/clock HTTP/1.1\r\nHost: " + connection.authority();

        RawConnection.Answer right =
            connection.send(get + "\r\nAuthorization: Bearer s3cret", null);
        RawConnection.Answer wrongCase =
            connection.send(get + "\r\nAuthorization: Bearer S3CRET", null);
        RawConnection.Answer wrongScheme =
            connection.send(get + "\r\nAuthorization: bearer s3cret", null);

        assertThat(right.status()).as(right.body()).isEqualTo(200);
        assertThat(wrongCase.status()).as(wrongCase.body()).isEqualTo(401);
        assertThat(wrongScheme.status()).as(wrongScheme.body()).isEqualTo(401);
      }
    }

    @Test
    void adminWhenHeadWithoutSecretThen401() {
      SANDBOX.at("ase1").head("/admin/clock").then().statusCode(401);
      SANDBOX.at("ase1").head("/admin/wallet-addresses").then().statusCode(401);
      SANDBOX
          .at("ase1")
          .header("Authorization", "Bearer s3cret")
          .head("/admin/clock")
          .then()
          .statusCode(200);
    }
  }

  @Nested
  class Disabled {
    @RegisterExtension
    static final SandboxExtension SANDBOX =
        new SandboxExtension(c -> c.withAdmin(new AdminConfig(false, null)));

    @Test
    void adminWhenDisabledThenNoSuchRoute() {
      SANDBOX.at("ase1").get("/admin/clock").then().statusCode(404);
      SANDBOX.at("ase1").get("/admin").then().statusCode(404);
      SANDBOX.at("ase1").get("/alice").then().statusCode(200);
    }
  }
}
